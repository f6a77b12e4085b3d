package org.slacast.core;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a configuration file (a policy, an import mapping) as text, saying plainly what is wrong with it. */
public final class ConfigFiles {
    /** Largest configuration file read: far above any real one, so a wrong file given by mistake is refused fast. */
    public static final long MAX_BYTES = 4L << 20;

    private ConfigFiles() {
    }

    /**
     * @param file the file
     * @param kind what it should be, for messages, e.g. {@code policy file}
     * @return its text
     * @throws ConfigFileException when it is missing, a directory, too large, unreadable or not UTF-8 text
     */
    public static String read(Path file, String kind) {
        try {
            if (Files.isDirectory(file)) {
                throw new ConfigFileException(file + ": is a directory; give a " + kind, null);
            }
            if (Files.size(file) > MAX_BYTES) {
                throw new ConfigFileException(file + ": " + Files.size(file) + " bytes is too large for a " + kind
                        + " (at most " + MAX_BYTES + "); is it the right file?", null);
            }
            byte[] bytes = Files.readAllBytes(file);
            for (byte b : bytes) {
                if (b == 0) {
                    throw new ConfigFileException(file + ": a binary file, not a " + kind + " (YAML text)", null);
                }
            }
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (NoSuchFileException e) {
            throw new ConfigFileException(file + ": no such " + kind, e);
        } catch (AccessDeniedException e) {
            throw new ConfigFileException(file + ": permission denied", e);
        } catch (CharacterCodingException e) {
            throw new ConfigFileException(file + ": not UTF-8 text; a " + kind + " is YAML text (save it as UTF-8)",
                    e);
        } catch (IOException e) {
            throw new ConfigFileException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
    }
}
