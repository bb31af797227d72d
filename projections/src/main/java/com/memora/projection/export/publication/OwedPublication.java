package com.memora.projection.export.publication;

import java.time.Instant;
import java.util.List;

/**
 * Everything the CDN owes one plan, read at one moment, and the plan's retry state (decisions O2, O3, F8). Owed
 * publications accumulate: several builds while the CDN is down, a build whose upload stopped half-way, removals
 * of trashed content — the next attempt publishes the union, reading the local bytes as they are then.
 *
 * @param fullSync       the whole folder {@code plans/{id}/} must be brought level with the local one (the CDN was
 *                       enabled or its bucket changed, or the plan's folder was removed): upload what differs,
 *                       delete what is not local
 * @param uploads        paths whose local bytes must be uploaded
 * @param deletes        keys that must leave the bucket
 * @param upToSeq        the newest record this read includes: a success forgets exactly up to here, so something
 *                       owed meanwhile stays owed
 * @param failedAttempts transient failures in a row (the plan's one retry counter; an edit does not reset it)
 */
public record OwedPublication(String planId,
                              CdnDebtState state,
                              boolean fullSync,
                              List<String> uploads,
                              List<String> deletes,
                              long upToSeq,
                              int failedAttempts,
                              Instant nextRetryAt,
                              String lastError,
                              Instant lastAttemptAt,
                              Long lastLogId,
                              Instant owedSince) {

    public OwedPublication {
        uploads = List.copyOf(uploads);
        deletes = List.copyOf(deletes);
    }

    /**
     * A publication that waits for its retry time or for an operator: a build or a removal meanwhile only adds to
     * what is owed; the retry publishes it all (and an edit does not speed the plan towards dead letter).
     */
    public boolean waiting(Instant now) {
        return state == CdnDebtState.DEAD_LETTER
               || state == CdnDebtState.RETRY_WAIT && nextRetryAt != null && nextRetryAt.isAfter(now);
    }

    /** The attempt a publication now would be: 1 for a first try, 2 … for the retries. */
    public int nextAttempt() {
        return failedAttempts + 1;
    }
}
