package com.memora.projection.export.publication;

import java.time.Instant;

/**
 * What the CDN owes one plan, counted, for operators (the export queue).
 *
 * @param uploads files owed as uploads
 * @param deletes keys owed as deletions
 */
public record OwedSummary(String planId,
                          CdnDebtState state,
                          boolean fullSync,
                          long uploads,
                          long deletes,
                          int failedAttempts,
                          Instant nextRetryAt,
                          String lastError,
                          Instant lastAttemptAt,
                          Long lastLogId,
                          Instant owedSince) {
}
