package com.memora.infra.persistence.srs;

import com.memora.command.season.SeasonArchiveStorage;
import com.memora.infra.persistence.season.SeasonReviewLock;
import com.memora.kernel.error.ConflictException;
import com.memora.projection.srs.ops.SeasonArchiveQueries;
import com.memora.projection.srs.ops.SeasonArchiving;
import com.memora.projection.srs.ops.TrackerCatchUp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * The archived review tracker ({@code V6_0__srs_archive.sql}). The move runs in the transaction of the season
 * command that records it: it locks the season's partition against writes (readers go on), checks once more that
 * the tracker has applied every review of the season (a replay may have emptied the partition meanwhile), copies the
 * rows with one {@code INSERT … SELECT} (same ids), deletes the season's tracker progress and drops the partition.
 * Dropping takes the tracker's parent table lock only for the moment before the commit.
 */
@Repository
class JdbcTrackerArchive implements SeasonArchiveStorage, SeasonArchiveQueries {

    private static final String COLUMNS = "id, player, season, question_id, subject, topic, state, stability, "
                                          + "difficulty, due, last_review, reps, lapses, learning_step, "
                                          + "scheduled_days, last_sequence";

    private final JdbcClient jdbc;
    private final JdbcTrackerPartitions partitions;
    private final TrackerCatchUp catchUp;

    JdbcTrackerArchive(JdbcClient jdbc, JdbcTrackerPartitions partitions, TrackerCatchUp catchUp) {
        this.jdbc = jdbc;
        this.partitions = partitions;
        this.catchUp = catchUp;
    }

    @Override
    public void closeReviews(String seasonId) {
        requireTransaction();
        SeasonReviewLock.exclusive(jdbc, seasonId);
    }

    @Override
    public long moveTrackerToArchive(String seasonId, Instant archivedAt) {
        requireTransaction();
        String partition = TrackerPartitionNames.of(seasonId);
        boolean exists = jdbc.sql("select to_regclass(?) is not null").param(partition).query(Boolean.class).single();
        long moved = 0;
        if (exists) {
            jdbc.sql("lock table " + partition + " in share mode").update();
            TrackerCatchUp.Check check = catchUp.check(seasonId);
            if (!check.caughtUp()) {
                throw new ConflictException(SeasonArchiving.TRACKER_BEHIND,
                        "The tracker has not applied every review of season " + seasonId + ": " + check.reason());
            }
            moved = jdbc.sql("insert into srs_tracker_archive (" + COLUMNS + ", archived_at) select " + COLUMNS
                             + ", ? from " + partition)
                        .param(archivedAt.atOffset(ZoneOffset.UTC)).update();
        }
        jdbc.sql("delete from srs_tracker_progress where season = ?").param(seasonId).update();
        if (exists) {
            jdbc.sql("drop table " + partition).update();
        }
        partitions.forget(seasonId);
        return moved;
    }

    @Override
    public long flagArchivedBefore(String seasonId, Instant archivedBefore) {
        requireTransaction();
        return jdbc.sql("""
                        update srs_tracker_archive set eligible_for_deletion = true
                        where season = ? and archived_at < ? and not eligible_for_deletion
                        """)
                   .params(seasonId, archivedBefore.atOffset(ZoneOffset.UTC)).update();
    }

    @Override
    public long deleteFlagged(String seasonId) {
        requireTransaction();
        return jdbc.sql("delete from srs_tracker_archive where season = ? and eligible_for_deletion")
                   .param(seasonId).update();
    }

    @Override
    public List<String> dueForAutoArchive(LocalDate today) {
        return jdbc.sql("""
                        select v.id from season_view v join season_registry r on r.season_id = v.id
                        where v.auto_archive and v.end_date < ? and not r.active and not r.archived
                        order by v.end_date, v.id
                        """)
                   .param(today).query(String.class).list();
    }

    @Override
    public List<String> pendingArchives() {
        return jdbc.sql("select season_id from season_registry where archived and not tracker_archived "
                        + "order by season_id").query(String.class).list();
    }

    @Override
    public List<String> archivedSeasons() {
        return jdbc.sql("select season_id from season_registry where archived order by season_id")
                   .query(String.class).list();
    }

    @Override
    public List<String> seasonsWithRowsToFlag(Instant cutoff) {
        return jdbc.sql("""
                        select r.season_id from season_registry r
                        where r.tracker_archived and exists (
                            select 1 from srs_tracker_archive a
                            where a.season = r.season_id and a.archived_at < ? and not a.eligible_for_deletion)
                        order by r.season_id
                        """)
                   .param(cutoff.atOffset(ZoneOffset.UTC)).query(String.class).list();
    }

    @Override
    public List<String> seasonsWithFlaggedRows() {
        return jdbc.sql("""
                        select r.season_id from season_registry r
                        where r.tracker_archived and exists (
                            select 1 from srs_tracker_archive a where a.season = r.season_id and a.eligible_for_deletion)
                        order by r.season_id
                        """)
                   .query(String.class).list();
    }

    @Override
    public Optional<ArchiveStatus> status(String seasonId) {
        return jdbc.sql("""
                        select r.season_id, r.active, coalesce(v.auto_archive, false) as auto_archive, v.end_date,
                               r.archived, v.archived_at,
                               (select count(*) from srs_tracker t where t.season = r.season_id) as active_records,
                               (select count(*) from srs_tracker_archive a where a.season = r.season_id)
                                   as archived_records,
                               (select count(*) from srs_tracker_archive a
                                where a.season = r.season_id and a.eligible_for_deletion) as eligible
                        from season_registry r left join season_view v on v.id = r.season_id
                        where r.season_id = ?
                        """)
                   .param(seasonId)
                   .query((rs, row) -> {
                       OffsetDateTime archivedAt = rs.getObject("archived_at", OffsetDateTime.class);
                       long active = rs.getLong("active_records");
                       long archived = rs.getLong("archived_records");
                       return new ArchiveStatus(rs.getString("season_id"), rs.getBoolean("active"),
                                                rs.getBoolean("auto_archive"),
                                                rs.getObject("end_date", LocalDate.class), rs.getBoolean("archived"),
                                                archivedAt == null ? null : archivedAt.toInstant(), active, archived,
                                                rs.getLong("eligible"), active + archived);
                   })
                   .optional();
    }

    /** Each change must commit with the season event that records it. */
    private static void requireTransaction() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Archived tracker rows change only inside a season command's transaction");
        }
    }
}
