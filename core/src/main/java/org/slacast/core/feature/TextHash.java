package org.slacast.core.feature;

import java.util.Locale;

/**
 * Bag-of-words counts hashed into a fixed number of buckets (Weinberger et al., "Feature Hashing for Large Scale
 * Multitask Learning", ICML 2009). Tokens are lower-cased letter runs of three or more; digits are dropped so that
 * "error 503" and "error 404" share a token.
 */
public final class TextHash {
    private TextHash() {
    }

    /**
     * @param text    the text, possibly null
     * @param buckets how many buckets
     * @return for each bucket, how many tokens of the text hash into it
     */
    public static int[] counts(String text, int buckets) {
        int[] n = new int[Math.max(0, buckets)];
        if (text == null || buckets <= 0) {
            return n;
        }
        int start = -1;
        String s = text.toLowerCase(Locale.ROOT);
        for (int i = 0; i <= s.length(); i++) {
            boolean letter = i < s.length() && Character.isLetter(s.charAt(i));
            if (letter && start < 0) {
                start = i;
            } else if (!letter && start >= 0) {
                if (i - start >= 3) {
                    n[Math.floorMod(s.substring(start, i).hashCode(), buckets)]++;
                }
                start = -1;
            }
        }
        return n;
    }
}
