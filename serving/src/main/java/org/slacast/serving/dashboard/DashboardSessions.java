package org.slacast.serving.dashboard;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slacast.serving.ApiRole;

/**
 * Dashboard sessions: a random token in an HttpOnly, SameSite=Strict cookie names a role for a while; the key
 * itself never leaves the login form. At most {@code max} sessions live at once; past it the oldest ends, so
 * logging in over and over cannot grow the server's memory.
 */
public final class DashboardSessions {
    /** The cookie's name. */
    public static final String COOKIE = "slacast_session";
    private static final SecureRandom RANDOM = new SecureRandom();

    private record Session(ApiRole role, Instant until) {
    }

    private final int max;
    private final Duration ttl;
    private final Map<String, Session> sessions = new LinkedHashMap<>();

    /**
     * @param max the most sessions at once
     * @param ttl how long a session lasts
     */
    public DashboardSessions(int max, Duration ttl) {
        this.max = max;
        this.ttl = ttl;
    }

    /** @return 1,000 sessions of 12 hours */
    public static DashboardSessions defaults() {
        return new DashboardSessions(1_000, Duration.ofHours(12));
    }

    /** @return how long a session lasts */
    public Duration ttl() {
        return ttl;
    }

    /**
     * @param role the role the key presented holds
     * @return the new session's token
     */
    public synchronized String open(ApiRole role) {
        byte[] t = new byte[32];
        RANDOM.nextBytes(t);
        String token = HexFormat.of().formatHex(t);
        sessions.put(token, new Session(role, Instant.now().plus(ttl)));
        while (sessions.size() > max) {
            sessions.remove(sessions.keySet().iterator().next());
        }
        return token;
    }

    /**
     * @param token a cookie's token, or null
     * @return the session's role, or null when there is none or it has ended
     */
    public synchronized ApiRole role(String token) {
        if (token == null) {
            return null;
        }
        Session s = sessions.get(token);
        if (s == null) {
            return null;
        }
        if (Instant.now().isAfter(s.until())) {
            sessions.remove(token);
            return null;
        }
        return s.role();
    }

    /** @param token a session's token; it ends */
    public synchronized void close(String token) {
        if (token != null) {
            sessions.remove(token);
        }
    }

    /** @return live sessions, ended ones included until next looked at */
    public synchronized int size() {
        return sessions.size();
    }
}
