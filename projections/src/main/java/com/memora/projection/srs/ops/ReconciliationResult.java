package com.memora.projection.srs.ops;

import java.util.List;

/**
 * What a reconciliation found (api.md's shape first, then the detail behind it).
 *
 * @param sampleSize          tracker rows drawn
 * @param discrepanciesFound  rows whose cached due was missing or more than 1 s off, plus stale queues
 * @param discrepancyRate     discrepancies / (rows compared + stale queues) (a row is compared when its player's
 *                            queue exists and reflects the same submission as the row)
 * @param autoCorrected       discrepancies corrected from the tracker (all of them)
 * @param alertTriggered      the rate was above the alert threshold and the administrators were alerted
 * @param requestedSampleSize the sample asked for; a season smaller than that is sampled whole
 * @param compared            rows compared with their queue
 * @param withoutQueue        rows whose player has no queue: not a discrepancy, a read builds it whole (R6)
 * @param inFlight            rows whose queue reflects another submission than the row right now (a projection a
 *                            moment behind the other): left alone, never "corrected" into the past; a queue behind
 *                            the tracker is remembered for the next runs
 * @param staleQueues         queues an earlier run found behind the tracker and still behind that position now (after
 *                            {@code reconcile-stale-after}): a lost or parked update; dropped, the next read rebuilds
 * @param seasons             the seasons sampled
 */
public record ReconciliationResult(int sampleSize,
                                   long discrepanciesFound,
                                   double discrepancyRate,
                                   long autoCorrected,
                                   boolean alertTriggered,
                                   int requestedSampleSize,
                                   long compared,
                                   long withoutQueue,
                                   long inFlight,
                                   long staleQueues,
                                   List<String> seasons) {
}
