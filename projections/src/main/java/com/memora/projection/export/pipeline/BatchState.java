package com.memora.projection.export.pipeline;

import java.time.Instant;

/** Port to the batch processor's own state (one row): its last run and why it is paused. */
public interface BatchState {

    Snapshot read();

    void runStarted(BuildTrigger trigger, Instant at);

    void runFinished(int built, int failed, int skipped, Instant at);

    /** Generation is paused (low disk, replay); the reason stays until a run goes through again. */
    void paused(String reason, Instant at);

    void resumed();

    /**
     * @param lastRunStartedAt null before the first run
     * @param pausedReason     null while not paused
     */
    record Snapshot(Instant lastRunStartedAt, Instant lastRunFinishedAt, BuildTrigger lastRunTrigger,
                    String lastRunNode, int lastRunBuilt, int lastRunFailed, int lastRunSkipped,
                    String pausedReason, Instant pausedSince, boolean replayRebuildOwed, Instant replayStartedAt) {
    }
}
