package org.slacast.serving;

import io.javalin.security.RouteRole;

/**
 * What a route needs. Roles are attached to the route definitions themselves, so the check follows the route that
 * matched, whatever spelling of the path reached it. A route without a role is public.
 */
public enum ApiRole implements RouteRole {
    /** Score tickets, post outcomes, list models, read monitoring. */
    SCORE,
    /** Everything a score key may do, and activate models. */
    ADMIN;

    /**
     * @param held the role of the presented key
     * @return whether that key may use a route that needs this role
     */
    boolean grantedTo(ApiRole held) {
        return held == ADMIN || held == this;
    }
}
