package com.memora.kernel.season;

/**
 * What the command side knows synchronously about a season: the state that decides whether reviews are accepted
 * and how they are read.
 *
 * @param enableRedis      whether review reads of this season use the Redis queues (decisions S1, S4)
 * @param archived         the season's reviews are closed and its tracker rows archived (decisions S5, S6)
 * @param partitionCreated the season's tracker partition exists
 */
public record SeasonStatus(String seasonId, boolean active, boolean enableRedis, boolean archived,
                           boolean partitionCreated) {
}
