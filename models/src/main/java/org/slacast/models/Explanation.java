package org.slacast.models;

import org.slacast.core.BadInputException;
import java.util.Locale;

/** How a score's reasons are computed. */
public enum Explanation {
    /**
     * Path attributions (Saabas, "Interpreting random forests", 2014): one walk per tree, microseconds; locally
     * accurate but not consistent. The default for scoring.
     */
    PATH,
    /**
     * Exact TreeSHAP (Lundberg et al., "From local explanations to global understanding with explainable AI for
     * trees", Nature MI 2020): consistent, but milliseconds per tree ensemble explanation.
     */
    SHAP;

    /** Made once: every score's answer names its explanation. */
    private final String label = name().toLowerCase(Locale.ROOT);

    /** @return the name used on the command line and in the API */
    public String label() {
        return label;
    }

    /**
     * @param s {@code path} or {@code shap}
     * @return the explanation
     * @throws IllegalArgumentException naming the accepted values
     */
    public static Explanation parse(String s) {
        for (Explanation e : values()) {
            if (e.label().equalsIgnoreCase(s.strip())) {
                return e;
            }
        }
        throw new BadInputException("'" + s + "' is not an explanation; use path (fast) or shap (exact TreeSHAP)");
    }
}
