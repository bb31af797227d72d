package com.memora.projection.export.pipeline;

/**
 * Tells the pipeline that marks or removals were recorded. Called inside the transaction that records them; the
 * pipeline acts once that transaction has committed (applies removals at once, decisions F8, and starts a batch
 * when one is due, O1), never before, so it never acts on something that is then rolled back.
 */
public interface ExportWakeUp {

    void changesRecorded();

    /** For tests and tools that need no wake-up: does nothing. */
    ExportWakeUp NONE = () -> {
    };
}
