package com.memora.kernel.ops;

import java.time.Duration;

/**
 * Port: counts the work the service does where it happens, for the metrics endpoint ({@code /actuator/prometheus};
 * Micrometer lives in {@code infra}). Recording never throws and never waits: a meter must not fail the work it
 * measures. Gauges (queue depths, Safe Mode, projection lag) are read by {@code infra} itself and need no port.
 */
public interface OperationsMetrics {

    /**
     * A plan build ended.
     *
     * @param status the build's publication status ({@code LOCAL_ONLY}, {@code SUCCESS}, {@code FAILED},
     *               {@code RETRY_WAIT}, {@code DEAD_LETTER})
     * @param took   from the start of the build to its end
     */
    void planBuildFinished(String status, Duration took);

    /** A transient CDN failure put a plan into {@code RETRY_WAIT}: one more retry is scheduled (decisions O2). */
    void publicationRetryScheduled();

    /** A plan's CDN retries ran out: it is dead-lettered (decisions O2). */
    void publicationDeadLettered();

    /**
     * One file reached the CDN and its stored copy was verified (ETag = MD5, decisions F9).
     *
     * @param bytes    the file's size
     * @param attempts 1, or 2 when the first copy came out different and was sent again
     */
    void fileUploaded(long bytes, int attempts);

    /** One file's upload to the CDN failed (the publication retries on its schedule, decisions O2). */
    void uploadFailed();

    /**
     * A review submission was accepted.
     *
     * @param answers  answers it carried
     * @param repeated the same {@code submission_id} again: nothing was applied (decisions S3)
     */
    void reviewsSubmitted(int answers, boolean repeated);

    /** Records nothing: for code built without a meter registry (pure tests, tools). */
    OperationsMetrics NONE = new OperationsMetrics() {
        @Override
        public void planBuildFinished(String status, Duration took) {
        }

        @Override
        public void publicationRetryScheduled() {
        }

        @Override
        public void publicationDeadLettered() {
        }

        @Override
        public void fileUploaded(long bytes, int attempts) {
        }

        @Override
        public void uploadFailed() {
        }

        @Override
        public void reviewsSubmitted(int answers, boolean repeated) {
        }
    };
}
