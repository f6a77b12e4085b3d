package org.slacast.training.pipeline;

import java.util.ArrayList;
import java.util.List;
import org.slacast.core.BadInputException;

/**
 * The checkpoints on which models are compared ({@code train --choose-at}): the best on validation there becomes
 * champion, and the promotion gate compares there. A model routes tickets at the moment it is used, so it should
 * win at that moment: at creation by default, over all checkpoints, or over a chosen mix.
 */
public sealed interface CheckpointChoice {

    /** @return the canonical text: {@code creation}, {@code all} or fractions such as {@code 0.25,0.5} */
    String label();

    /**
     * @param checkpoint an example's checkpoint index
     * @param fractions  the run's checkpoint fractions, by index
     * @return whether the example counts
     */
    boolean covers(int checkpoint, List<Double> fractions);

    /** At creation only, checkpoint 0: where a routing decision at arrival is made. */
    record Creation() implements CheckpointChoice {
        @Override
        public String label() {
            return "creation";
        }

        @Override
        public boolean covers(int checkpoint, List<Double> fractions) {
            return checkpoint == 0;
        }
    }

    /** Every checkpoint, as models were chosen before this option. */
    record AllCheckpoints() implements CheckpointChoice {
        @Override
        public String label() {
            return "all";
        }

        @Override
        public boolean covers(int checkpoint, List<Double> fractions) {
            return true;
        }
    }

    /**
     * Some of the run's checkpoints.
     *
     * @param chosen fractions of the target, each one of the run's checkpoints
     */
    record Fractions(List<Double> chosen) implements CheckpointChoice {
        /** Copies the list. */
        public Fractions {
            chosen = List.copyOf(chosen);
        }

        @Override
        public String label() {
            return String.join(",", chosen.stream().map(f -> stripped(f)).toList());
        }

        @Override
        public boolean covers(int checkpoint, List<Double> fractions) {
            return checkpoint < fractions.size() && chosen.contains(fractions.get(checkpoint));
        }
    }

    /**
     * @param text        {@code creation}, {@code all}, or comma-separated fractions such as {@code 0,0.25}
     * @param checkpoints the run's checkpoint fractions; each fraction given must be one of them
     * @return the choice
     * @throws BadInputException naming the option and what it takes
     */
    static CheckpointChoice parse(String text, List<Double> checkpoints) {
        String t = text == null ? "" : text.strip();
        if (t.equals("creation")) {
            return new Creation();
        }
        if (t.equals("all")) {
            return new AllCheckpoints();
        }
        List<Double> out = new ArrayList<>();
        for (String part : t.split(",")) {
            double f;
            try {
                f = Double.parseDouble(part.strip());
            } catch (NumberFormatException e) {
                throw new BadInputException("--choose-at " + text + ": give creation, all, or fractions among the "
                        + "checkpoints " + checkpoints + ", e.g. 0.25,0.5");
            }
            if (!checkpoints.contains(f)) {
                throw new BadInputException("--choose-at " + text + ": " + stripped(f) + " is not one of the "
                        + "checkpoints " + checkpoints + "; add it to --checkpoints or choose among them");
            }
            if (!out.contains(f)) {
                out.add(f);
            }
        }
        out.sort(Double::compare);
        return out.equals(List.of(0.0)) ? new Creation() : new Fractions(out);
    }

    private static String stripped(double f) {
        return java.math.BigDecimal.valueOf(f).stripTrailingZeros().toPlainString();
    }
}
