package com.memora.infra.cdn;

import com.memora.projection.export.publication.PendingPurges;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Optional;

/** The cache purges still owed ({@code cdn_purge_pending}), one row per path of a sync log entry. */
@Repository
class JdbcPendingPurges implements PendingPurges {

    private final JdbcClient jdbc;

    JdbcPendingPurges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(long logId, Collection<String> paths, Instant queuedAt) {
        jdbc.sql("""
                 insert into cdn_purge_pending (log_id, path, queued_at)
                 select :log, path, :at from unnest(cast(:paths as text[])) as path
                 on conflict do nothing
                 """)
            .param("log", logId).param("paths", paths.toArray(String[]::new))
            .param("at", queuedAt.atOffset(ZoneOffset.UTC))
            .update();
    }

    @Override
    public Optional<PendingPurge> oldest() {
        Optional<Long> logId = jdbc.sql("select log_id from cdn_purge_pending order by queued_at, log_id limit 1")
                                   .query(Long.class).optional();
        return logId.map(id -> new PendingPurge(id, jdbc.sql(
                "select path from cdn_purge_pending where log_id = :log order by path")
                .param("log", id).query(String.class).list()));
    }

    @Override
    public void done(PendingPurge purge) {
        jdbc.sql("delete from cdn_purge_pending where log_id = :log and path = any(cast(:paths as text[]))")
            .param("log", purge.logId()).param("paths", purge.paths().toArray(String[]::new))
            .update();
    }

    @Override
    public long pathCount() {
        return jdbc.sql("select count(*) from cdn_purge_pending").query(Long.class).single();
    }
}
