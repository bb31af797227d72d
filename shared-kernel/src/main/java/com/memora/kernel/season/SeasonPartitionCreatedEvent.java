package com.memora.kernel.season;

/**
 * The season's partition of the review tracker table exists ({@code partition_created}, decisions S1, S5).
 *
 * @param partitionName the PostgreSQL table that holds the season's tracker rows, e.g. {@code p_season_2026}
 */
public record SeasonPartitionCreatedEvent(String seasonId, String partitionName) {
}
