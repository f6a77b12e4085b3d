package org.slacast.training.data;

import org.slacast.core.BadInputException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A split of tickets by creation time: the earliest for training, the next slice for validation (calibration and
 * the threshold), the latest for test. A random split would let a model learn from tickets created after the
 * ones it is judged on, which overstates its skill.
 *
 * @param trainEnd tickets created before this train
 * @param validEnd tickets created from trainEnd until this validate; later ones test
 * @param first    the earliest labelled ticket's creation
 * @param last     the latest labelled ticket's creation
 */
public record TimeSplit(Instant trainEnd, Instant validEnd, Instant first, Instant last) {

    /** Which part of the split an instant falls into. */
    public enum Part { TRAIN, VALIDATION, TEST }

    /**
     * @param created   creation instants of the labelled tickets
     * @param trainFrac share of tickets for training, e.g. 0.7
     * @param validFrac share for validation, e.g. 0.15; the rest is test
     * @return the split
     * @throws IllegalArgumentException when there are too few tickets to split
     */
    public static TimeSplit of(List<Instant> created, double trainFrac, double validFrac) {
        if (created.size() < 30) {
            throw new BadInputException("only " + created.size() + " tickets with a known outcome; training "
                    + "needs at least 30 to split into training, validation and test");
        }
        if (!(trainFrac > 0 && validFrac > 0 && trainFrac + validFrac < 1)) {
            throw new BadInputException("split fractions must be positive and leave a test slice, not "
                    + trainFrac + " + " + validFrac);
        }
        List<Instant> sorted = created.stream().sorted().toList();
        int n = sorted.size();
        BigDecimal train = BigDecimal.valueOf(trainFrac);
        BigDecimal trainAndValid = train.add(BigDecimal.valueOf(validFrac));
        return new TimeSplit(sorted.get(share(n, train)), sorted.get(share(n, trainAndValid)), sorted.getFirst(),
                sorted.getLast());
    }

    /**
     * floor(n x frac) in decimal, so that 0.7 of 90 tickets is 63 (in binary floating point, 90 * 0.7 is
     * 62.99999999999999 and was floored to 62). Capped at n - 1 in case a decimal sum of fractions whose binary sum
     * is below 1 reaches 1.
     */
    private static int share(int n, BigDecimal frac) {
        return Math.min(n - 1, frac.multiply(BigDecimal.valueOf(n)).intValue());
    }

    /**
     * @param created a ticket's creation
     * @return its part
     */
    public Part part(Instant created) {
        return created.isBefore(trainEnd) ? Part.TRAIN : created.isBefore(validEnd) ? Part.VALIDATION : Part.TEST;
    }
}
