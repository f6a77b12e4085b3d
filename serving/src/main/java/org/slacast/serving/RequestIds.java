package org.slacast.serving;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Request ids: random version-4 UUIDs from a thread-local generator (UUID.randomUUID reads the shared SecureRandom,
 * a measurable cost on every score; a request id needs to be unique, not secret), or the client's own id once
 * checked to be short and plain enough to log.
 */
final class RequestIds {
    private static final int MAX = 64;

    private RequestIds() {
    }

    static String next() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        long hi = r.nextLong() & ~0xF000L | 0x4000L;
        long lo = r.nextLong() & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L;
        return new UUID(hi, lo).toString();
    }

    /**
     * @param id the client's id
     * @return the id
     * @throws BadRequest when it is empty, longer than 64 characters, or holds other than letters, digits and
     *                    {@code - _ . :}
     */
    static String check(String id) {
        boolean ok = !id.isEmpty() && id.length() <= MAX;
        for (int i = 0; ok && i < id.length(); i++) {
            char c = id.charAt(i);
            ok = c < 128 && (Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.' || c == ':');
        }
        if (!ok) {
            throw BadRequest.field("X-Request-Id", "must be 1 to " + MAX + " letters, digits or '-', '_', '.', ':'; "
                    + "leave it out to get a generated id");
        }
        return id;
    }
}
