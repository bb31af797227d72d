package com.memora.kernel.ops;

import java.util.Map;

/** Handed to running work so it can report how far it is and notice a cancel request. */
public interface JobProgress {

    /**
     * Reports progress. Cheap to call often: the store is written at most a few times per second.
     *
     * @param done    units of work done so far
     * @param total   units of work in all, or a negative number while unknown
     * @param details job-specific figures shown next to the percentage (e.g. {@code players})
     */
    void update(long done, long total, String message, Map<String, Object> details);

    default void update(long done, long total, String message) {
        update(done, total, message, Map.of());
    }

    /** True once an operator asked to cancel; the work should stop at its next safe point. */
    boolean cancelRequested();

    /** For work run outside a background job (a scheduled run): progress goes nowhere, nothing cancels it. */
    JobProgress NONE = new JobProgress() {
        @Override
        public void update(long done, long total, String message, Map<String, Object> details) {
        }

        @Override
        public boolean cancelRequested() {
            return false;
        }
    };
}
