package org.slacast.training.pipeline;

/** Where a long-running pipeline reports how far it is; the CLI draws progress bars from it. */
public interface Progress {
    /** Reports nothing. */
    Progress NONE = new Progress() {
        @Override
        public void start(String task, long total) {
            // silent
        }

        @Override
        public void stepTo(long done) {
            // silent
        }

        @Override
        public void finish() {
            // silent
        }
    };

    /**
     * @param task  what starts
     * @param total its units of work
     */
    void start(String task, long total);

    /** @param done units done so far */
    void stepTo(long done);

    /** Ends the current task. */
    void finish();
}
