package org.slacast.serving;

import io.javalin.config.JavalinState;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.UnauthorizedResponse;
import io.javalin.plugin.Plugin;
import io.javalin.security.RouteRole;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * API keys as a Javalin plugin, in the manner of Javalin's {@code BasicAuthPlugin}: before every matched route it
 * reads the route's roles ({@link ApiRole}) and the presented key ({@code Authorization: Bearer KEY}, the scheme
 * in any case, or {@code X-API-Key: KEY}), and answers 401 or 403. Routes without a role are public. With no keys
 * configured every route is open, which {@link ScoringApi} allows only on a loopback address unless told otherwise.
 * The dashboard's pages also take a session cookie set by its login form, and send a browser without one there.
 */
public final class ApiKeyPlugin extends Plugin<ApiKeyPlugin.Config> {
    /** The plugin's settings. */
    public static final class Config {
        /** The keys; none means open. */
        public ApiKeys keys = ApiKeys.none();
        /** The dashboard's sessions: a page under {@code /dashboard} also takes their cookie. */
        public org.slacast.serving.dashboard.DashboardSessions sessions =
                org.slacast.serving.dashboard.DashboardSessions.defaults();
    }

    /** @param configure sets the keys */
    public ApiKeyPlugin(Consumer<Config> configure) {
        super(configure, new Config());
    }

    @Override
    public void onStart(JavalinState state) {
        ApiKeys keys = pluginConfig.keys;
        var sessions = pluginConfig.sessions;
        state.routes.beforeMatched(ctx -> authorise(ctx, keys, sessions));
    }

    private static void authorise(Context ctx, ApiKeys keys, org.slacast.serving.dashboard.DashboardSessions sessions) {
        ApiRole needed = needed(ctx);
        if (needed == null || keys.open()) {
            return;
        }
        ApiRole held = keys.roleOf(presented(ctx));
        // Only the dashboard's pages take the cookie: the API keeps needing a header, which no page can forge.
        boolean page = ctx.endpoints().matchedHttpEndpoint() != null
                && ctx.endpoints().matchedHttpEndpoint().path.startsWith("/dashboard");
        if (held == null && page) {
            held = sessions.role(ctx.cookie(org.slacast.serving.dashboard.DashboardSessions.COOKIE));
            if (held == null) {
                ctx.redirect("/dashboard/login", io.javalin.http.HttpStatus.SEE_OTHER);
                ctx.skipRemainingHandlers();
                return;
            }
        }
        if (held == null) {
            ctx.header("WWW-Authenticate", "Bearer");
            throw new UnauthorizedResponse("a valid API key is required: send 'Authorization: Bearer KEY' or "
                    + "'X-API-Key: KEY'");
        }
        if (!needed.grantedTo(held)) {
            throw new ForbiddenResponse("this route needs an " + needed.name().toLowerCase(Locale.ROOT) + " key");
        }
    }

    /** The strongest role among the route's, or null for a public route. */
    private static ApiRole needed(Context ctx) {
        ApiRole needed = null;
        for (RouteRole r : ctx.routeRoles()) {
            if (r instanceof ApiRole a && (needed == null || a.compareTo(needed) > 0)) {
                needed = a;
            }
        }
        return needed;
    }

    private static String presented(Context ctx) {
        String auth = ctx.header("Authorization");
        if (auth != null && auth.length() > 7 && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return auth.substring(7).strip();
        }
        return ctx.header("X-API-Key");
    }
}
