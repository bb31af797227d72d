package com.memora.kernel.season;

/**
 * What the command side knows synchronously about a season: the state that decides whether reviews are accepted
 * and how they are read.
 *
 * @param enableRedis      whether review reads of this season use the Redis queues (decisions S1, S4)
 * @param archived         the season is archived: its reviews and review reads are closed (decisions S5, S6)
 * @param partitionCreated the season's tracker partition exists
 * @param trackerArchived  the season's tracker rows have been moved to the archive table and its partition dropped:
 *                         from then on the tracker projection skips the season's events, also in replays (S5). An
 *                         archived season whose rows have not been moved yet still has its events applied, so that
 *                         every review accepted before the archive reaches the archive.
 */
public record SeasonStatus(String seasonId, boolean active, boolean enableRedis, boolean archived,
                           boolean partitionCreated, boolean trackerArchived) {

    /** A season whose tracker rows are where they were (not archived, or archived but not moved yet). */
    public SeasonStatus(String seasonId, boolean active, boolean enableRedis, boolean archived,
                        boolean partitionCreated) {
        this(seasonId, active, enableRedis, archived, partitionCreated, false);
    }
}
