package org.slacast.core.ticket;

import org.slacast.core.BadInputException;
import java.util.Locale;

/** Support tiers: L1 takes every ticket first, L2 and L3 take escalations. */
public enum Tier {
    L1, L2, L3;

    /**
     * Reads a tier: {@code L2}, {@code 2}, {@code tier 2}, {@code Tier2}.
     *
     * @param text the value as written
     * @return the tier
     * @throws IllegalArgumentException naming the accepted values
     */
    public static Tier parse(String text) {
        String t = text == null ? "" : text.strip().toUpperCase(Locale.ROOT).replace("TIER", "").replace("L", "").strip();
        return switch (t) {
            case "1" -> L1;
            case "2" -> L2;
            case "3" -> L3;
            default -> throw new BadInputException("unknown tier '" + text + "'; expected L1, L2 or L3");
        };
    }
}
