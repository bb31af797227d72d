package com.memora.projection.export.pipeline;

import java.time.Instant;

/**
 * A plan waiting for a build: one durable mark however many changes it coalesces (decisions D6, O1).
 *
 * @param markSeq       the number of the latest change; a build consumes the mark only up to the number it read,
 *                      so a change made during the build queues the plan again
 * @param firstMarkedAt when the plan started waiting; the queue is served oldest first
 * @param changes       how many changes this one build will cover
 * @param reason        the latest change, for operators ("lesson L2 changed")
 * @param manual        an operator asked for this rebuild
 */
public record PendingPlan(String planId, long markSeq, Instant firstMarkedAt, Instant lastMarkedAt, int changes,
                          String reason, boolean manual) {
}
