package org.slacast.training.label;

import org.slacast.core.BadInputException;

/** Which label to train and evaluate on ({@code --label}). */
public enum LabelMode {
    /** The outcome given by the source system, where there is one; the clock for the other tickets. */
    GIVEN,
    /** The breach the SLA clock computes from the events. */
    CLOCK;

    /**
     * @param text {@code given} or {@code clock}
     * @return the mode
     * @throws BadInputException naming the accepted values
     */
    public static LabelMode parse(String text) {
        return switch (text == null ? "" : text.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "given" -> GIVEN;
            case "clock" -> CLOCK;
            default -> throw new BadInputException("--label " + text + ": give given (the outcomes in outcomes.csv) "
                    + "or clock (the breach the SLA clock computes)");
        };
    }

    /** @return the lower-case name, as the option takes it */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
