package org.slacast.core.ticket;

/**
 * Ticket priority, P1 (critical) to P5 (planning).
 *
 * <p>{@link #of(Impact, Urgency)} is the ITIL 4 impact × urgency matrix (ITIL Service Operation, 2011,
 * Table 4.1): the sum of the two ranks picks the priority, so high/high is critical and low/low planning.
 */
public enum Priority {
    CRITICAL, HIGH, MEDIUM, LOW, PLANNING;

    /**
     * The ITIL matrix.
     *
     * @param impact  how widely the business is affected
     * @param urgency how soon it needs a fix
     * @return the priority, from CRITICAL (high/high) to PLANNING (low/low)
     */
    public static Priority of(Impact impact, Urgency urgency) {
        return values()[impact.ordinal() + urgency.ordinal()];
    }

    /**
     * Reads a priority: {@code critical}, {@code P1}, {@code 1}, {@code 1 - Critical}; {@code urgent} and
     * {@code normal}, as Zendesk and Jira say, mean high and medium.
     *
     * @param text the value as written
     * @return the priority
     * @throws IllegalArgumentException naming the accepted values
     */
    public static Priority parse(String text) {
        if (text != null) {
            switch (text.strip().toLowerCase(java.util.Locale.ROOT)) {
                case "urgent", "highest", "blocker" -> {
                    return CRITICAL;
                }
                case "normal" -> {
                    return MEDIUM;
                }
                case "lowest", "trivial" -> {
                    return PLANNING;
                }
                default -> {
                    // fall through to the generic forms
                }
            }
        }
        return Levels.parse(text, Priority.class, values());
    }

    /** @return the label used in files and the API, e.g. {@code critical} */
    public String label() {
        return label;
    }

    /** Made once: a label is written for every reading of every ticket. */
    private final String label = name().toLowerCase(java.util.Locale.ROOT);
}
