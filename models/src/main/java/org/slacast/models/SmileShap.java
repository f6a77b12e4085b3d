package org.slacast.models;

/** Reads Smile's SHAP layout: p features × k classes, the k values of feature 0 first. */
final class SmileShap {
    private SmileShap() {
    }

    static double[] forClass(double[] shap, int p, int cls) {
        int k = shap.length / p;
        double[] out = new double[p];
        for (int j = 0; j < p; j++) {
            out[j] = shap[j * k + Math.min(cls, k - 1)];
        }
        return out;
    }
}
