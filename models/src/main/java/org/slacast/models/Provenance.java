package org.slacast.models;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Where a model came from: the data it saw and the software that fitted it.
 *
 * @param source    where the training data was read from
 * @param tickets   tickets with a known outcome
 * @param examples  training examples (tickets × checkpoints)
 * @param from      the earliest ticket's creation
 * @param to        the latest ticket's creation
 * @param sha256    a hash over ticket ids, creation instants and labels, in order
 * @param libraries library and runtime versions
 */
public record Provenance(String source, long tickets, long examples, Instant from, Instant to, String sha256,
                         Map<String, String> libraries) {
    /** For a manifest that records none: source "unknown", no counts, dates, hash or libraries. */
    public static final Provenance UNKNOWN = new Provenance("unknown", 0, 0, null, null, null, Map.of());

    /** @return the versions of Java, Smile, Tribuo, lightgbm4j and slacast on the class path now */
    public static Map<String, String> currentLibraries() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("java", Runtime.version().toString());
        m.put("smile", jarVersion(smile.classification.RandomForest.class, "smile-core"));
        m.put("tribuo", org.tribuo.Tribuo.VERSION);
        m.put("lightgbm4j", jarVersion(io.github.metarank.lightgbm4j.LGBMBooster.class, "lightgbm4j"));
        m.put("slacast", pomVersion("org.slacast", "slacast-models"));
        return m;
    }

    /** Smile's jar carries no Maven metadata; its file name (smile-core-6.3.0.jar) does. */
    private static String jarVersion(Class<?> type, String artifact) {
        try {
            String path = type.getProtectionDomain().getCodeSource().getLocation().getPath();
            var m = java.util.regex.Pattern.compile(artifact + "-([0-9][^/]*)\\.jar$").matcher(path);
            return m.find() ? m.group(1) : "unknown";
        } catch (RuntimeException e) {
            return "unknown";
        }
    }

    private static String pomVersion(String group, String artifact) {
        String path = "/META-INF/maven/" + group + "/" + artifact + "/pom.properties";
        try (InputStream in = Provenance.class.getResourceAsStream(path)) {
            if (in == null) {
                return "development";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
