package com.memora.projection.export.pipeline;

import java.time.Instant;

/**
 * What is published for a plan and how its latest build went (decisions O2); operational, never wiped by a replay.
 *
 * @param lastBuildNumber the number of the latest build that ran; the next one is larger (F5)
 * @param version         the number of the latest build that changed a file, i.e. the newest {@code version} in the
 *                        plan's files; null before the first build
 * @param coveredSeq      the files on disk reflect every change up to this mark
 */
public record PublicationState(String planId,
                               PublicationStatus status,
                               long lastBuildNumber,
                               Long version,
                               long coveredSeq,
                               Long lastLogId,
                               Instant lastBuiltAt,
                               String lastError,
                               Instant updatedAt) {
}
