package com.memora.projection.export.pipeline;

/**
 * What happened to one pending plan in a batch run.
 *
 * @param logId   the sync log entry of the build, null when no build ran
 * @param status  the status the build ended in, null when no build ran
 * @param message why nothing ran, or the failure
 */
public record PlanBuildOutcome(String planId, Kind kind, Long logId, PublicationStatus status, String message) {

    public enum Kind {
        /** The build ran to a result (LOCAL_ONLY, or what the publisher made of it). */
        BUILT,
        /** The build failed; permanent failures consume the mark, transient ones keep it. */
        FAILED,
        /** The plan is in the trash or deleted: its folder is gone, nothing to build. */
        REMOVED,
        /** Another build already consumed the plan's mark. */
        NOTHING_PENDING,
        /** Another node or thread holds the plan: it stays pending. */
        LOCKED,
        /** The content model is replaying: it stays pending (decisions R2). */
        PAUSED_REPLAY,
        /** Below the minimum free disk: nothing written, it stays pending (O5). */
        PAUSED_LOW_DISK;

        public boolean paused() {
            return this == PAUSED_REPLAY || this == PAUSED_LOW_DISK;
        }
    }

    static PlanBuildOutcome of(String planId, Kind kind, String message) {
        return new PlanBuildOutcome(planId, kind, null, null, message);
    }
}
