package org.slacast.core;

/**
 * A stable 64-bit hash of a key under a seed, for choices that must repeat from run to run (which tickets a
 * scenario drops a reopen from, which fold a ticket falls in): SplitMix64's finaliser (Steele, Lea and Flood,
 * "Fast splittable pseudorandom number generators", OOPSLA 2014) over the seed and the key's hash.
 */
public final class SeededHash {
    private SeededHash() {
    }

    /**
     * @param seed the seed
     * @param key  the key
     * @return its hash; the same for the same seed and key on every run and machine
     */
    public static long of(long seed, String key) {
        long z = seed * 0x9E3779B97F4A7C15L + key.hashCode();
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
