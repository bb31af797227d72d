package com.memora.infra.export;

import com.memora.infra.persistence.Rows;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.memora.infra.config.NodeProperties;
import com.memora.projection.export.cdn.UploadedFile;
import com.memora.projection.export.files.BuildWarning;
import com.memora.projection.export.pipeline.BuildResult;
import com.memora.projection.export.pipeline.BuildTrigger;
import com.memora.projection.export.pipeline.PendingPlan;
import com.memora.projection.export.pipeline.PublicationStatus;
import com.memora.projection.export.pipeline.SyncLog;
import com.memora.projection.export.pipeline.SyncLogEntry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The sync log ({@code export_sync_log}): one row per plan build, warnings as a jsonb array. */
@Repository
class JdbcSyncLog implements SyncLog {

    /** Warnings as stored: {@code [{"kind":…,"path":…,"message":…}]}, independent of the web's JSON naming. */
    private static final ObjectMapper WARNINGS_JSON = JsonMapper.builder().build();
    private static final TypeReference<List<BuildWarning>> WARNING_LIST = new TypeReference<>() {
    };

    private static final RowMapper<SyncLogEntry> ROW = (rs, n) -> new SyncLogEntry(
            rs.getLong("id"), rs.getString("plan_id"), PublicationStatus.valueOf(rs.getString("status")),
            BuildTrigger.valueOf(rs.getString("trigger")), rs.getString("reason"), rs.getInt("changes"),
            rs.getLong("build_number"), Rows.instant(rs, "queued_at"), Rows.instant(rs, "started_at"),
            Rows.instant(rs, "finished_at"), rs.getInt("files_written"), rs.getInt("files_unchanged"),
            rs.getInt("files_deleted"), rs.getInt("files_uploaded"), Rows.nullableBoolean(rs, "sync_verified"),
            rs.getInt("attempt"), Rows.instant(rs, "next_retry_at"), warnings(rs.getString("warnings")),
            rs.getString("error"), rs.getString("node_id"), rs.getInt("files_deleted_cdn"),
            Rows.nullableInteger(rs, "files_purged"), rs.getString("purge_note"));

    private static final RowMapper<UploadedFile> UPLOAD = (rs, n) -> new UploadedFile(
            rs.getString("path"), rs.getString("local_md5"), rs.getString("cdn_etag"), rs.getLong("size_bytes"),
            rs.getInt("attempts"));

    private final JdbcClient jdbc;
    private final String nodeId;

    private final JdbcTemplate batch;

    JdbcSyncLog(JdbcClient jdbc, JdbcTemplate batch, NodeProperties node) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.nodeId = node.nodeId();
    }

    @Override
    public long start(String planId, BuildTrigger trigger, PendingPlan mark, long buildNumber, Instant startedAt) {
        return jdbc.sql("""
                        insert into export_sync_log (plan_id, status, trigger, reason, changes, build_number,
                                                     queued_at, started_at, node_id)
                        values (:plan, 'PROCESSING', :trigger, :reason, :changes, :build, :queued, :started, :node)
                        returning id
                        """)
                   .param("plan", planId).param("trigger", trigger.name())
                   .param("reason", Rows.limited(mark.reason())).param("changes", mark.changes())
                   .param("build", buildNumber).param("queued", Rows.utc(mark.firstMarkedAt()))
                   .param("started", Rows.utc(startedAt)).param("node", nodeId)
                   .query(Long.class).single();
    }

    @Override
    public long startPublication(String planId, BuildTrigger trigger, String reason, long buildNumber, int attempt,
                                 Instant startedAt) {
        return jdbc.sql("""
                        insert into export_sync_log (plan_id, status, trigger, reason, changes, build_number,
                                                     started_at, attempt, node_id)
                        values (:plan, 'PROCESSING', :trigger, :reason, 0, :build, :started, :attempt, :node)
                        returning id
                        """)
                   .param("plan", planId).param("trigger", trigger.name()).param("reason", Rows.limited(reason))
                   .param("build", buildNumber).param("started", Rows.utc(startedAt)).param("attempt", attempt)
                   .param("node", nodeId)
                   .query(Long.class).single();
    }

    @Override
    public void finish(long id, BuildResult result, Instant finishedAt) {
        jdbc.sql("""
                 update export_sync_log set status = :status, finished_at = greatest(started_at, :finished),
                     files_written = :written, files_unchanged = :unchanged, files_deleted = :deleted,
                     files_uploaded = :uploaded, sync_verified = :verified, next_retry_at = :retry,
                     warnings = cast(:warnings as jsonb), error = :error, files_deleted_cdn = :deletedCdn,
                     attempt = case when :attempt > 0 then :attempt else attempt end
                 where id = :id
                 """)
            .param("status", result.status().name()).param("finished", Rows.utc(finishedAt))
            .param("written", result.written().size()).param("unchanged", result.unchanged())
            .param("deleted", result.deleted().size()).param("uploaded", result.uploaded())
            .param("verified", result.syncVerified()).param("retry", Rows.utc(result.nextRetryAt()))
            .param("warnings", json(result.warnings())).param("error", result.error())
            .param("deletedCdn", result.deletedOnCdn()).param("attempt", result.attempt()).param("id", id)
            .update();
    }

    @Override
    public void recordUploads(long id, List<UploadedFile> files) {
        if (files.isEmpty()) {
            return;
        }
        List<Object[]> rows = files.stream()
                                   .map(file -> new Object[] {id, file.path(), file.localMd5(), file.cdnEtag(),
                                                              file.size(), file.attempts()})
                                   .toList();
        batch.batchUpdate("""
                          insert into export_sync_log_upload (log_id, path, local_md5, cdn_etag, size_bytes, attempts)
                          values (?, ?, ?, ?, ?, ?)
                          on conflict (log_id, path) do update set local_md5 = excluded.local_md5,
                              cdn_etag = excluded.cdn_etag, size_bytes = excluded.size_bytes,
                              attempts = excluded.attempts
                          """, rows);
    }

    @Override
    public List<UploadedFile> uploads(long id, int limit) {
        return jdbc.sql("select * from export_sync_log_upload where log_id = :id order by path limit :limit")
                   .param("id", id).param("limit", limit).query(UPLOAD).list();
    }

    @Override
    public void purged(long id, int urlsPurged, String note) {
        jdbc.sql("update export_sync_log set files_purged = :purged, purge_note = :note where id = :id")
            .param("purged", urlsPurged).param("note", note).param("id", id).update();
    }

    @Override
    public int closeInterrupted(String planId, Instant at) {
        return jdbc.sql("""
                        update export_sync_log set status = 'FAILED', finished_at = greatest(started_at, :at),
                            error = 'Interrupted: the node building the plan stopped before the build ended'
                        where plan_id = :plan and status = 'PROCESSING'
                        """)
                   .param("plan", planId).param("at", Rows.utc(at)).update();
    }

    @Override
    public Optional<SyncLogEntry> find(long id) {
        return jdbc.sql("select * from export_sync_log where id = :id").param("id", id).query(ROW).optional();
    }

    @Override
    public List<SyncLogEntry> recent(String planIdOrNull, PublicationStatus statusOrNull, int limit) {
        return jdbc.sql("""
                        select * from export_sync_log
                        where (cast(:plan as varchar) is null or plan_id = :plan)
                          and (cast(:status as varchar) is null or status = :status)
                        order by id desc limit :limit
                        """)
                   .param("plan", planIdOrNull)
                   .param("status", statusOrNull == null ? null : statusOrNull.name())
                   .param("limit", limit)
                   .query(ROW).list();
    }

    private static String json(List<BuildWarning> warnings) {
        try {
            return WARNINGS_JSON.writeValueAsString(warnings);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Build warnings cannot be written as JSON", e);
        }
    }

    private static List<BuildWarning> warnings(String json) {
        try {
            return WARNINGS_JSON.readValue(json, WARNING_LIST);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored build warnings are not valid JSON", e);
        }
    }
}
