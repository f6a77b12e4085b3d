package org.slacast.training.label;

/**
 * How often the SLA clock agrees with the given outcomes, for one priority (or all).
 *
 * @param priority      the priority's label, or {@code all}
 * @param given         tickets with a given outcome
 * @param givenBreached of those, given as breached
 * @param compared      of those, tickets the clock has a reading for (finished or breached by the end of the data)
 * @param clockBreached of the compared, breached by the clock
 * @param agree         of the compared, where the clock says the same
 */
public record Agreement(String priority, long given, long givenBreached, long compared, long clockBreached,
                        long agree) {

    /** @return the share of compared tickets where the clock agrees, or NaN when none is compared */
    public double rate() {
        return compared == 0 ? Double.NaN : agree / (double) compared;
    }

    Agreement add(boolean givenBreach, int clock) {
        boolean known = clock >= 0;
        return new Agreement(priority, given + 1, givenBreached + (givenBreach ? 1 : 0), compared + (known ? 1 : 0),
                clockBreached + (clock == 1 ? 1 : 0), agree + (known && (clock == 1) == givenBreach ? 1 : 0));
    }
}
