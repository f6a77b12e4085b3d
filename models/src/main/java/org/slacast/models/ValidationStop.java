package org.slacast.models;

/**
 * Early stopping on a validation loss, with patience (Prechelt, "Early Stopping — But When?", in Neural Networks:
 * Tricks of the Trade, 1998): after each round, the loss of the model so far on validation rows; once
 * {@code patience} rounds in a row have not lowered the best, fitting stops and the rounds up to the best are kept.
 * Smile's boosting, LightGBM's boosting and both forests count the same way.
 */
final class ValidationStop {
    private final int patience;
    private double bestLoss = Double.POSITIVE_INFINITY;
    private int best;

    /** @param patience rounds without a lower loss before stopping; at least 1 */
    ValidationStop(int patience) {
        this.patience = patience;
    }

    /**
     * @param round the round just fitted, counted from 1
     * @param loss  the validation loss of the model up to it
     * @return whether to stop: {@code patience} rounds have passed since the best
     */
    boolean stop(int round, double loss) {
        if (loss < bestLoss) {
            bestLoss = loss;
            best = round;
            return false;
        }
        return round - best >= patience;
    }

    /** @return the rounds up to the lowest loss; 0 before any round */
    int best() {
        return best;
    }
}
