package com.memora.projection.export.pipeline;

import java.util.List;

/**
 * What one call of the batch processor did.
 *
 * @param trigger  what started the run; null when none ran
 * @param outcomes one per plan the run took up, in order
 * @param message  why nothing ran, or why the run stopped
 */
public record BatchRun(Result result, BuildTrigger trigger, List<PlanBuildOutcome> outcomes, String message) {

    public enum Result {
        /** Plans were taken up (each outcome says how it went). */
        RAN,
        /** Nothing is pending. */
        IDLE,
        /** Plans are pending, but neither the interval has passed nor the threshold is reached. */
        NOT_DUE,
        /** Another node or thread is running the batch. */
        BUSY,
        /** The content model is replaying, or free disk is low: everything stays pending. */
        PAUSED
    }

    public BatchRun {
        outcomes = outcomes == null ? List.of() : List.copyOf(outcomes);
    }

    static BatchRun of(Result result, String message) {
        return new BatchRun(result, null, List.of(), message);
    }

    public long count(PlanBuildOutcome.Kind kind) {
        return outcomes.stream().filter(outcome -> outcome.kind() == kind).count();
    }
}
