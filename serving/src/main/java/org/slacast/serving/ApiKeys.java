package org.slacast.serving;

import org.slacast.core.BadInputException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * API keys with roles. A score key may score and list models; an admin key may also activate models. Keys are
 * compared as SHA-256 digests with {@link MessageDigest#isEqual}, against every key, so the time taken does not
 * tell how much of a key was right. With no keys configured the API is open, for local use.
 */
public final class ApiKeys {
    private record Key(byte[] digest, ApiRole role) {
    }

    private final List<Key> keys;

    private ApiKeys(List<Key> keys) {
        this.keys = List.copyOf(keys);
    }

    /** @return no keys: the API is open */
    public static ApiKeys none() {
        return new ApiKeys(List.of());
    }

    /**
     * @param spec comma-separated {@code key:role} pairs, e.g. {@code s3cret:score,0ther:admin}
     * @return the keys
     * @throws IllegalArgumentException naming the pair at fault
     */
    public static ApiKeys parse(String spec) {
        List<Key> keys = new ArrayList<>();
        if (spec == null || spec.isBlank()) {
            return none();
        }
        int n = 0;
        for (String pair : spec.split(",", -1)) {
            n++;
            if (pair.isBlank()) {
                throw new BadInputException("API key " + n + " is empty; write KEY:ROLE pairs separated by commas, "
                        + "e.g. s3cret-key-0123456:score,an0ther-key-98765:admin");
            }
            int colon = pair.lastIndexOf(':');
            if (colon <= 0) {
                throw new BadInputException("API key " + n + ": write KEY:ROLE with ROLE score or admin");
            }
            String key = pair.substring(0, colon).strip();
            String role = pair.substring(colon + 1).strip().toUpperCase(Locale.ROOT);
            if (key.length() < 16) {
                throw new BadInputException("API key " + n + " is shorter than 16 characters; use a longer, "
                        + "random key");
            }
            try {
                keys.add(new Key(digest(key), ApiRole.valueOf(role)));
            } catch (IllegalArgumentException e) {
                throw new BadInputException("API key " + n + ": role '" + role.toLowerCase(Locale.ROOT)
                        + "' is not score or admin");
            }
        }
        return new ApiKeys(keys);
    }

    /** @return true when no key is required */
    public boolean open() {
        return keys.isEmpty();
    }

    /**
     * @param presented the key a client sent, or null
     * @return its role, or null when it matches no key
     */
    public ApiRole roleOf(String presented) {
        if (presented == null) {
            return null;
        }
        byte[] d = digest(presented);
        ApiRole found = null;
        for (Key k : keys) {
            // No early exit: every key is compared.
            if (MessageDigest.isEqual(k.digest(), d)) {
                found = k.role();
            }
        }
        return found;
    }

    private static byte[] digest(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
