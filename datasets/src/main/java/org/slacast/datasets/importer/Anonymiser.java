package org.slacast.datasets.importer;

import org.slacast.core.BadInputException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Replaces names with keyed, stable tokens and scrubs contact details from free text. A token is
 * HMAC-SHA256(key, kind + value) (RFC 2104), truncated to 12 hex digits: the same name gives the same token in
 * every file and run with the same key, and cannot be reversed without the key.
 */
public final class Anonymiser {
    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+");
    private static final Pattern PHONE = Pattern.compile("\\+?\\d[\\d ()./-]{7,}\\d");
    private final byte[] key;

    /**
     * @param key the secret key, at least 16 bytes
     * @throws IllegalArgumentException if the key is too short
     */
    public Anonymiser(byte[] key) {
        if (key.length < 16) {
            throw new BadInputException("the anonymisation key must be at least 16 bytes, not " + key.length);
        }
        this.key = key.clone();
    }

    /**
     * @param kind  what the value is, e.g. person or org; part of the token
     * @param value the name, or null
     * @return {@code kind-<12 hex>}, or null for null
     */
    public String token(String kind, String value) {
        if (value == null) {
            return null;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] h = mac.doFinal((kind + "\u0000" + value.strip()).getBytes(StandardCharsets.UTF_8));
            return kind + "-" + HexFormat.of().formatHex(h, 0, 6);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JDK", e);
        }
    }

    /**
     * @param text free text, or null
     * @return the text with e-mail addresses and phone numbers replaced by [email] and [phone]
     */
    public String scrub(String text) {
        if (text == null) {
            return null;
        }
        return PHONE.matcher(EMAIL.matcher(text).replaceAll("[email]")).replaceAll("[phone]");
    }
}
