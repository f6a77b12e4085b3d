package org.slacast.serving;

import java.time.Instant;
import java.util.Locale;
import java.util.function.Supplier;
import org.slacast.core.BadInputException;

/**
 * The instant the at-risk queue re-scores up to. A live desk runs on the wall clock, so that a quiet ticket still
 * turns overdue at night; a desk replayed from history runs on its own clock, the latest instant it has heard of,
 * so that replayed tickets age as they did then.
 */
public sealed interface QueueClock {
    /** @return the instant now */
    Instant now();

    /** @return {@code wall} or {@code desk} */
    String label();

    /** The machine's clock. */
    record Wall() implements QueueClock {
        @Override
        public Instant now() {
            return Instant.now();
        }

        @Override
        public String label() {
            return "wall";
        }
    }

    /**
     * The desk's clock: the latest creation or event the desk holds, the same on every replica.
     *
     * @param latest the desk's latest instant, or null before the desk has heard of anything
     */
    record Desk(Supplier<Instant> latest) implements QueueClock {
        @Override
        public Instant now() {
            Instant at = latest.get();
            return at == null ? Instant.EPOCH : at;
        }

        @Override
        public String label() {
            return "desk";
        }
    }

    /**
     * @param text   {@code wall} or {@code desk}
     * @param latest the desk's latest instant, for {@code desk}
     * @return the clock
     * @throws BadInputException naming the flag for another word
     */
    static QueueClock parse(String text, Supplier<Instant> latest) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "wall" -> new Wall();
            case "desk" -> new Desk(latest);
            default -> throw new BadInputException("--queue-clock " + text + ": use wall (a live desk) or desk (a "
                    + "replayed one, whose clock is its latest event)");
        };
    }
}
