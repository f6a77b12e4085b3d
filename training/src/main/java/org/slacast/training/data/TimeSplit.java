package org.slacast.training.data;

import org.slacast.core.BadInputException;
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
        return new TimeSplit(sorted.get((int) (n * trainFrac)), sorted.get((int) (n * (trainFrac + validFrac))),
                sorted.getFirst(), sorted.getLast());
    }

    /**
     * @param created a ticket's creation
     * @return its part
     */
    public Part part(Instant created) {
        return created.isBefore(trainEnd) ? Part.TRAIN : created.isBefore(validEnd) ? Part.VALIDATION : Part.TEST;
    }
}
