package org.slacast.serving;

/** How the server's background threads end: asked by interrupt, then waited for, without losing an interrupt. */
public final class Workers {
    private Workers() {
    }

    /**
     * @param thread the worker, already told to stop by its own flag
     * @param millis how long to wait for it to finish what it is doing
     */
    public static void stop(Thread thread, long millis) {
        thread.interrupt();
        try {
            thread.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
