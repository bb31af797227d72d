package com.memora.infra.export;

import com.memora.infra.persistence.Rows;
import com.memora.projection.export.pipeline.PublicationState;
import com.memora.projection.export.pipeline.PublicationStates;
import com.memora.projection.export.pipeline.PublicationStatus;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The plans' publication state ({@code export_plan_state}). */
@Repository
class JdbcPublicationStates implements PublicationStates {

    private static final RowMapper<PublicationState> ROW = (rs, row) -> new PublicationState(
            rs.getString("plan_id"), PublicationStatus.valueOf(rs.getString("status")),
            rs.getLong("last_build_number"), Rows.nullableLong(rs, "version"), rs.getLong("covered_seq"),
            Rows.nullableLong(rs, "last_log_id"), Rows.instant(rs, "last_built_at"), rs.getString("last_error"),
            Rows.instant(rs, "updated_at"));

    private final JdbcClient jdbc;

    JdbcPublicationStates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<PublicationState> find(String planId) {
        return jdbc.sql("select * from export_plan_state where plan_id = :plan").param("plan", planId)
                   .query(ROW).optional();
    }

    @Override
    public List<PublicationState> inStatus(PublicationStatus status, int limit) {
        return jdbc.sql("""
                        select * from export_plan_state where status = :status
                        order by updated_at desc, plan_id limit :limit
                        """)
                   .param("status", status.name()).param("limit", limit).query(ROW).list();
    }

    @Override
    public void building(String planId, long buildNumber, long logId, Instant at) {
        jdbc.sql("""
                 insert into export_plan_state (plan_id, status, last_build_number, covered_seq, last_log_id,
                                                updated_at)
                 values (:plan, 'PROCESSING', :build, 0, :log, :at)
                 on conflict (plan_id) do update set status = 'PROCESSING', last_build_number = :build,
                     last_log_id = :log, updated_at = :at
                 """)
            .param("plan", planId).param("build", buildNumber).param("log", logId).param("at", Rows.utc(at))
            .update();
    }

    @Override
    public void built(String planId, PublicationStatus status, Long version, long coveredSeq, String error,
                      Instant at) {
        jdbc.sql("""
                 update export_plan_state set status = :status, version = :version,
                     covered_seq = greatest(covered_seq, :covered), last_built_at = :at, last_error = :error,
                     updated_at = :at
                 where plan_id = :plan
                 """)
            .param("status", status.name()).param("version", version).param("covered", coveredSeq)
            .param("at", Rows.utc(at)).param("error", error).param("plan", planId)
            .update();
    }

    @Override
    public void published(String planId, PublicationStatus status, Long logId, String error, Instant at) {
        jdbc.sql("""
                 insert into export_plan_state (plan_id, status, last_build_number, covered_seq, last_log_id,
                                                last_error, updated_at)
                 values (:plan, :status, 0, 0, :log, :error, :at)
                 on conflict (plan_id) do update set status = :status,
                     last_log_id = coalesce(:log, export_plan_state.last_log_id), last_error = :error, updated_at = :at
                 """)
            .param("plan", planId).param("status", status.name()).param("log", logId).param("error", error)
            .param("at", Rows.utc(at))
            .update();
    }

    @Override
    public void paused(String planId, PublicationStatus status, String reason, Instant at) {
        jdbc.sql("""
                 update export_plan_state set status = :status, last_error = :reason, updated_at = :at
                 where plan_id = :plan
                 """)
            .param("status", status.name()).param("reason", reason).param("at", Rows.utc(at))
            .param("plan", planId)
            .update();
    }
}
