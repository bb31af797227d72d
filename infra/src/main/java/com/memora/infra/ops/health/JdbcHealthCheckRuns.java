package com.memora.infra.ops.health;

import com.memora.infra.persistence.Rows;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.memora.infra.config.NodeProperties;
import com.memora.projection.export.health.ContentCheckKind;
import com.memora.projection.export.health.ContentHealthReport;
import com.memora.projection.export.health.HealthCheckRun;
import com.memora.projection.export.health.HealthCheckRuns;
import com.memora.projection.export.health.RunOutcome;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * The health check history in {@code content_health_run} (V7_0). Reports are stored as the JSON the API serves
 * (the service's own mapper: snake_case, absent fields left out), so what was reported is what is read back.
 */
@Component
class JdbcHealthCheckRuns implements HealthCheckRuns {

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final String nodeId;

    JdbcHealthCheckRuns(JdbcClient jdbc, ObjectMapper json, NodeProperties node) {
        this.jdbc = jdbc;
        this.json = json;
        this.nodeId = node.nodeId();
    }

    @Override
    public HealthCheckRun record(HealthCheckRun run) {
        long id = jdbc.sql("""
                           insert into content_health_run (kind, trigger, outcome, status, reason, report, node_id,
                                                           started_at, finished_at)
                           values (:kind, :trigger, :outcome, :status, :reason, cast(:report as jsonb), :node,
                                   :started, :finished)
                           returning id
                           """)
                      .param("kind", run.kind().wireName())
                      .param("trigger", run.trigger())
                      .param("outcome", run.outcome().wireName())
                      .param("status", run.status())
                      .param("reason", run.reason())
                      .param("report", toJson(run.report()))
                      .param("node", nodeId)
                      .param("started", Rows.utc(run.startedAt()))
                      .param("finished", Rows.utc(run.finishedAt()))
                      .query(Long.class).single();
        return new HealthCheckRun(id, run.kind(), run.trigger(), run.startedAt(), run.finishedAt(), run.outcome(),
                                  run.status(), run.reason(), nodeId, run.report());
    }

    @Override
    public Optional<HealthCheckRun> latestReport(ContentCheckKind kindOrNull) {
        return jdbc.sql("""
                        select * from content_health_run
                        where outcome = 'reported' and (cast(:kind as varchar) is null or kind = :kind)
                        order by started_at desc, id desc limit 1
                        """)
                   .param("kind", kindOrNull == null ? null : kindOrNull.wireName())
                   .query(rowMapper()).optional();
    }

    @Override
    public List<HealthCheckRun> history(ContentCheckKind kindOrNull, int limit) {
        return jdbc.sql("""
                        select * from content_health_run
                        where cast(:kind as varchar) is null or kind = :kind
                        order by started_at desc, id desc limit :limit
                        """)
                   .param("kind", kindOrNull == null ? null : kindOrNull.wireName())
                   .param("limit", limit)
                   .query(rowMapper()).list();
    }

    @Override
    public int pruneBefore(Instant before) {
        return jdbc.sql("delete from content_health_run where started_at < ?").param(Rows.utc(before)).update();
    }

    private RowMapper<HealthCheckRun> rowMapper() {
        return (rs, row) -> new HealthCheckRun(
                rs.getLong("id"),
                ContentCheckKind.fromWire(rs.getString("kind")).orElseThrow(),
                rs.getString("trigger"),
                rs.getObject("started_at", OffsetDateTime.class).toInstant(),
                rs.getObject("finished_at", OffsetDateTime.class).toInstant(),
                RunOutcome.valueOf(rs.getString("outcome").toUpperCase(java.util.Locale.ROOT)),
                rs.getString("status"),
                rs.getString("reason"),
                rs.getString("node_id"),
                fromJson(rs.getString("report")));
    }

    private String toJson(ContentHealthReport report) {
        try {
            return report == null ? null : json.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A health report is not serializable to JSON", e);
        }
    }

    private ContentHealthReport fromJson(String value) {
        try {
            return value == null ? null : json.readValue(value, ContentHealthReport.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored health report is unreadable: " + e.getOriginalMessage(), e);
        }
    }

}
