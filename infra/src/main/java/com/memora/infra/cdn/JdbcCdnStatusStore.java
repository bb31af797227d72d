package com.memora.infra.cdn;

import com.memora.infra.persistence.Rows;
import com.memora.projection.export.cdn.CdnStatus;
import com.memora.projection.export.cdn.CdnStatusStore;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;

/**
 * The {@code cdn_status} row. Every change is one statement on the one row, so outcomes recorded by several nodes
 * at once are counted exactly (PostgreSQL serialises the row updates; {@code SET} sees the row as it was).
 */
@Repository
class JdbcCdnStatusStore implements CdnStatusStore {

    private static final RowMapper<CdnStatus> ROW = (rs, row) -> new CdnStatus(
            rs.getBoolean("ready"), rs.getString("ready_target"), Rows.instant(rs, "ready_since"),
            rs.getString("readiness_note"), rs.getBoolean("healthy"), rs.getInt("consecutive_failures"),
            Rows.instant(rs, "last_failure_at"), rs.getString("last_failure"), Rows.instant(rs, "last_success_at"),
            Rows.instant(rs, "unhealthy_since"), Rows.instant(rs, "updated_at"));

    private final JdbcClient jdbc;

    JdbcCdnStatusStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public CdnStatus current() {
        return jdbc.sql("select * from cdn_status where id = 1").query(ROW).single();
    }

    @Override
    public void markReady(String target, Instant at, String note) {
        jdbc.sql("""
                 update cdn_status set ready = true, ready_target = :target, ready_since = :at,
                     readiness_note = :note, updated_at = :at
                 where id = 1
                 """)
            .param("target", target).param("at", Rows.utc(at)).param("note", note).update();
    }

    @Override
    public void resetReadiness(Instant at, String note) {
        jdbc.sql("""
                 update cdn_status set ready = false, ready_target = null, ready_since = null,
                     readiness_note = :note, sync_round_target = null, sync_round_started_at = null, updated_at = :at
                 where id = 1
                 """)
            .param("at", Rows.utc(at)).param("note", note).update();
    }

    @Override
    public String syncRoundTarget() {
        return jdbc.sql("select sync_round_target from cdn_status where id = 1").query(String.class).optional()
                   .orElse(null);
    }

    @Override
    public void syncRoundStarted(String target, Instant at) {
        jdbc.sql("update cdn_status set sync_round_target = :target, sync_round_started_at = :at where id = 1")
            .param("target", target).param("at", Rows.utc(at)).update();
    }

    @Override
    public void syncRoundCleared() {
        jdbc.sql("update cdn_status set sync_round_target = null, sync_round_started_at = null where id = 1")
            .update();
    }

    @Override
    public CdnStatus recordFailure(Instant at, String failure, int failuresBeforeUnhealthy) {
        return jdbc.sql("""
                        update cdn_status set consecutive_failures = consecutive_failures + 1,
                            healthy = consecutive_failures + 1 < :threshold,
                            unhealthy_since = case when consecutive_failures + 1 >= :threshold
                                                   then coalesce(unhealthy_since, :at) end,
                            last_failure_at = :at, last_failure = left(:failure, 2000), updated_at = :at
                        where id = 1
                        returning *
                        """)
                   .param("threshold", failuresBeforeUnhealthy).param("at", Rows.utc(at)).param("failure", failure)
                   .query(ROW).single();
    }

    @Override
    public boolean recordSuccess(Instant at) {
        return jdbc.sql("""
                        update cdn_status as now set consecutive_failures = 0, healthy = true, unhealthy_since = null,
                            last_success_at = :at, updated_at = :at
                        from (select healthy from cdn_status where id = 1 for update) as before
                        where now.id = 1
                        returning not before.healthy
                        """)
                   .param("at", Rows.utc(at)).query(Boolean.class).single();
    }


}
