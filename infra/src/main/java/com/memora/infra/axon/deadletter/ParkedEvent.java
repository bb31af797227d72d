package com.memora.infra.axon.deadletter;

import java.time.Instant;

/**
 * One event parked in a processing group's dead-letter queue, as {@code GET /api/admin/dead-letters} shows it.
 *
 * @param sequence       the sequence it holds back (for most groups the aggregate; for content, every content event)
 * @param sequenceIndex  its place in that sequence
 * @param aggregate      the aggregate that applied it, with its sequence number there
 * @param cause          why it was parked ({@code null}: it only queues behind an earlier parked event)
 * @param retries        how often a retry failed again
 */
public record ParkedEvent(String group,
                          String sequence,
                          long sequenceIndex,
                          String eventType,
                          String eventId,
                          String aggregate,
                          Long aggregateSequenceNumber,
                          String cause,
                          Instant enqueuedAt,
                          Instant lastTouched,
                          int retries) {
}
