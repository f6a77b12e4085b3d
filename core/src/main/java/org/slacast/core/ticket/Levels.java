package org.slacast.core.ticket;

import org.slacast.core.BadInputException;
import java.util.Arrays;
import java.util.Locale;

/** Parsing shared by the ordered level enums: by name, by 1-based rank, or as "rank - Name". */
final class Levels {
    private Levels() {
    }

    static <E extends Enum<E>> E parse(String text, Class<E> type, E[] values) {
        if (text == null || text.isBlank()) {
            throw new BadInputException(type.getSimpleName().toLowerCase(Locale.ROOT) + " is empty; expected one of "
                    + Arrays.toString(values).toLowerCase(Locale.ROOT));
        }
        String t = text.strip();
        int dash = t.indexOf(" - ");
        if (dash > 0) {
            t = t.substring(dash + 3);
        }
        String upper = t.toUpperCase(Locale.ROOT).replace(' ', '_');
        for (E e : values) {
            if (e.name().equals(upper)) {
                return e;
            }
        }
        String digits = upper.startsWith("P") ? upper.substring(1) : upper;
        if (digits.chars().allMatch(Character::isDigit) && !digits.isEmpty() && digits.length() < 3) {
            int rank = Integer.parseInt(digits);
            if (rank >= 1 && rank <= values.length) {
                return values[rank - 1];
            }
        }
        throw new BadInputException("unknown " + type.getSimpleName().toLowerCase(Locale.ROOT) + " '" + text
                + "'; expected one of " + Arrays.toString(values).toLowerCase(Locale.ROOT) + " or a rank 1-" + values.length);
    }
}
