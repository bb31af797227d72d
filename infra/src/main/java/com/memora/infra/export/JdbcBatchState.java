package com.memora.infra.export;

import com.memora.infra.persistence.Rows;
import com.memora.infra.config.NodeProperties;
import com.memora.projection.export.pipeline.BatchState;
import com.memora.projection.export.pipeline.BuildTrigger;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;

/** The batch processor's one row ({@code export_batch_state}). */
@Repository
class JdbcBatchState implements BatchState {

    private final JdbcClient jdbc;
    private final String nodeId;

    JdbcBatchState(JdbcClient jdbc, NodeProperties node) {
        this.jdbc = jdbc;
        this.nodeId = node.nodeId();
    }

    @Override
    public Snapshot read() {
        return jdbc.sql("select * from export_batch_state where id = 1")
                   .query((rs, row) -> new Snapshot(
                           Rows.instant(rs, "last_run_started_at"), Rows.instant(rs, "last_run_finished_at"),
                           rs.getString("last_run_trigger") == null ? null
                                   : BuildTrigger.valueOf(rs.getString("last_run_trigger")),
                           rs.getString("last_run_node"), rs.getInt("last_run_built"), rs.getInt("last_run_failed"),
                           rs.getInt("last_run_skipped"), rs.getString("paused_reason"),
                           Rows.instant(rs, "paused_since"), rs.getBoolean("replay_rebuild_owed"),
                           Rows.instant(rs, "replay_started_at")))
                   .single();
    }

    @Override
    public void runStarted(BuildTrigger trigger, Instant at) {
        jdbc.sql("""
                 update export_batch_state set last_run_started_at = :at, last_run_finished_at = null,
                     last_run_trigger = :trigger, last_run_node = :node, last_run_built = 0, last_run_failed = 0,
                     last_run_skipped = 0
                 where id = 1
                 """)
            .param("at", Rows.utc(at)).param("trigger", trigger.name()).param("node", nodeId).update();
    }

    @Override
    public void runFinished(int built, int failed, int skipped, Instant at) {
        jdbc.sql("""
                 update export_batch_state set last_run_finished_at = greatest(last_run_started_at, :at),
                     last_run_built = :built, last_run_failed = :failed, last_run_skipped = :skipped
                 where id = 1
                 """)
            .param("at", Rows.utc(at)).param("built", built).param("failed", failed).param("skipped", skipped)
            .update();
    }

    @Override
    public void paused(String reason, Instant at) {
        jdbc.sql("""
                 update export_batch_state set paused_reason = :reason,
                     paused_since = case when paused_reason is null then :at else paused_since end
                 where id = 1
                 """)
            .param("reason", reason).param("at", Rows.utc(at)).update();
    }

    @Override
    public void resumed() {
        jdbc.sql("update export_batch_state set paused_reason = null, paused_since = null where id = 1 "
                 + "and paused_reason is not null").update();
    }
}
