package org.slacast.core.csv;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;
import org.slacast.core.BadInputException;

/**
 * How to read an export as it is: the zone of timestamps written without an offset, and what to do with an event
 * dated before its ticket was created. The policy file's {@code data} section gives them, and {@code sla}'s
 * {@code --zone} and {@code --before-creation} override it.
 *
 * @param zone           the zone of local timestamps, or null to require an offset (the native format's rule)
 * @param beforeCreation what to do with an event dated before its ticket's {@code created_at}
 */
public record ReadOptions(ZoneId zone, BeforeCreation beforeCreation) {
    /** Offsets required, early events rejected: the native format as documented. */
    public static final ReadOptions STRICT = new ReadOptions(null, BeforeCreation.REJECT);

    /** Requires the rule for early events. */
    public ReadOptions {
        Objects.requireNonNull(beforeCreation, "beforeCreation");
    }

    /**
     * @param zone the zone of local timestamps, or null to keep this one
     * @param rule the rule for early events, or null to keep this one
     * @return these options with whichever of the two is given replaced
     */
    public ReadOptions override(ZoneId zone, BeforeCreation rule) {
        return new ReadOptions(zone != null ? zone : this.zone, rule != null ? rule : beforeCreation);
    }

    /** What to do with an event dated before its ticket was created. */
    public enum BeforeCreation {
        /** Leave it out, listed in the rejects file. */
        REJECT,
        /** Move it to the creation instant, and count it. */
        CLAMP;

        /**
         * @param text {@code reject} or {@code clamp}
         * @return the rule
         * @throws BadInputException naming the two
         */
        public static BeforeCreation parse(String text) {
            String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
            return switch (t) {
                case "reject" -> REJECT;
                case "clamp" -> CLAMP;
                default -> throw new BadInputException("'" + text + "' is not a rule for events before creation; "
                        + "expected reject or clamp");
            };
        }

        /** @return the label used in files and flags */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
