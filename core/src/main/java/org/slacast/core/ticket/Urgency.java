package org.slacast.core.ticket;

/** How quickly the business needs a fix (ITIL urgency), the second axis of the priority matrix. */
public enum Urgency {
    HIGH, MEDIUM, LOW;

    /**
     * Reads an urgency from the spellings found in exports: {@code high}, {@code 1}, {@code 1 - High}.
     *
     * @param text the value as written
     * @return the urgency
     * @throws IllegalArgumentException naming the accepted values
     */
    public static Urgency parse(String text) {
        return Levels.parse(text, Urgency.class, values());
    }
}
