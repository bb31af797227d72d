package com.memora.projection.srs;

/**
 * The season's tracker rows are in the archive and its partition is gone for good (decisions S5): a tracker write
 * of that season must be skipped, never recreate the partition.
 */
public class SeasonTrackerArchivedException extends RuntimeException {

    public SeasonTrackerArchivedException(String seasonId) {
        super("The tracker rows of season " + seasonId + " are archived");
    }
}
