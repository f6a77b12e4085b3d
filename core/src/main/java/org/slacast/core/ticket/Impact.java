package org.slacast.core.ticket;

/** How widely an incident affects the business (ITIL impact), the first axis of the priority matrix. */
public enum Impact {
    HIGH, MEDIUM, LOW;

    /**
     * Reads an impact from the spellings found in exports: {@code high}, {@code 1}, {@code 1 - High}.
     *
     * @param text the value as written
     * @return the impact
     * @throws IllegalArgumentException naming the accepted values
     */
    public static Impact parse(String text) {
        return Levels.parse(text, Impact.class, values());
    }
}
