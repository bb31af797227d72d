package com.memora.projection.srs;

/** Port: the tracker table's partition per season (decisions S5; created at run time, the one exception to Flyway). */
public interface TrackerPartitions {

    /**
     * Makes sure the season's partition exists; idempotent and safe to call from several nodes at once.
     *
     * @return the partition's table name, e.g. {@code p_season_2026}
     * @throws SeasonTrackerArchivedException when the season's rows were moved to the archive: its partition is gone
     *                                        for good and must not come back
     * @throws IllegalStateException when it cannot exist as it should (e.g. a table of that name that is not a
     *                               partition of the tracker)
     */
    String ensure(String seasonId);
}
