package com.memora.projection.srs.ops;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * Port: the review queues a reconciliation found behind the tracker (PostgreSQL), kept until a later reconciliation
 * finds them caught up or stale. A queue a moment behind is normal (the two projections run independently); one that
 * stays behind the same tracker position across runs lost or parked an update, which a single run cannot tell.
 */
public interface LaggingQueueLog {

    /** Records the sightings; a queue already recorded keeps its first sighting. */
    void record(Collection<Sighting> sightings);

    /** The recorded sightings of one season, or of every season ({@code null}). */
    List<Sighting> sightings(String seasonIdOrNull);

    void forget(Collection<Sighting> sightings);

    /**
     * @param trackerSequence the submission the tracker had applied for the player when the queue was first seen
     *                        behind it
     * @param firstSeenAt     when (service clock)
     */
    record Sighting(String seasonId, String playerId, long trackerSequence, Instant firstSeenAt) {
    }
}
