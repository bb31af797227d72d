package com.memora.projection.srs.ops;

import java.time.Instant;
import java.util.List;

/** Port: reading a season's review tracker in bulk, for rebuilds and reconciliation (PostgreSQL). */
public interface TrackerScan {

    /** The season's tracker rows (exact; reads the whole partition's index). */
    long count(String seasonId);

    /**
     * The season's tracker rows as PostgreSQL's statistics put them (counted when the partition is small), without
     * reading a large partition: for an answer that must come at once. 0 when the season has no partition.
     */
    long estimate(String seasonId);

    /**
     * The next rows of the season after {@code after} in primary-key order (player, then question), each with the
     * player's tracker progress read in the same statement, so the sequence never runs ahead of the rows.
     *
     * @param after {@code null} for the first page
     */
    List<Row> page(String seasonId, Key after, int limit);

    /**
     * A random sample of the trackers of the seasons that use the cache ({@code enable_redis}, not archived), or of
     * one season, drawn with {@code TABLESAMPLE SYSTEM} on each partition (pages chosen at random, so no partition is
     * read whole), shared out by the partitions' sizes.
     *
     * @param seasonIdOrNull one season, or every season that uses the cache
     */
    Sample sample(String seasonIdOrNull, int size);

    record Key(String playerId, String questionId) {
    }

    /** @param appliedSequence the player's tracker progress (-1 when no event wrote the player's rows) */
    record Row(String playerId, String questionId, Instant due, long appliedSequence) {

        public Key key() {
            return new Key(playerId, questionId);
        }
    }

    /** @param seasons the seasons the sample was drawn from */
    record Sample(List<ReviewCacheAdmin.SampledCard> cards, List<String> seasons) {
    }
}
