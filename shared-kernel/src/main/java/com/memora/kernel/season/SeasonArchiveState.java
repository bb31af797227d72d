package com.memora.kernel.season;

/**
 * How far a season's archive got, as its aggregate knows it: the answer to {@link ArchiveSeasonCommand} and
 * {@link CompleteSeasonArchiveCommand}.
 *
 * @param archived        the season is archived (reviews closed); false only when an automatic archive was not due
 * @param archivedNow     this command archived it (false: it was archived before, or not archived at all)
 * @param trackerArchived its tracker rows are in the archive table
 * @param recordsArchived how many rows were moved; 0 until they are
 */
public record SeasonArchiveState(String seasonId, boolean archived, boolean archivedNow, boolean trackerArchived,
                                 long recordsArchived) {
}
