package org.slacast.core.policy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.slacast.core.ConfigFiles;

/**
 * Which policy file a model was trained under: its file name and the SHA-256 of its text (line ends made
 * {@code \n}, so a checkout on Windows is the same policy). A model's labels and clock features depend on every
 * target and calendar in the file, so any change to it is a different policy.
 *
 * @param name   the file's name, e.g. {@code policy.yaml}
 * @param sha256 the SHA-256 of its text, in hex
 */
public record PolicyIdentity(String name, String sha256) {

    /**
     * @param file a policy file
     * @return its identity
     * @throws org.slacast.core.ConfigFileException if it cannot be read
     */
    public static PolicyIdentity of(Path file) {
        return of(file.getFileName().toString(), ConfigFiles.read(file, "policy file"));
    }

    /**
     * @param name the file's name
     * @param text its text
     * @return its identity
     */
    public static PolicyIdentity of(String name, String text) {
        try {
            byte[] bytes = text.replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8);
            return new PolicyIdentity(name, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(bytes)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the name with the first 12 hex digits of the hash, e.g. {@code policy.yaml (sha256 1a2b3c4d5e6f)} */
    public String label() {
        return name + " (sha256 " + sha256.substring(0, Math.min(12, sha256.length())) + ")";
    }
}
