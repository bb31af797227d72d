package com.memora.infra.export;

import com.memora.infra.persistence.Rows;
import com.memora.projection.export.pipeline.PendingRemoval;
import com.memora.projection.export.pipeline.PendingRemovals;
import com.memora.projection.export.pipeline.Removal;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The removals queued by trashes and deletes ({@code export_pending_removal}). */
@Repository
class JdbcPendingRemovals implements PendingRemovals {

    private static final RowMapper<PendingRemoval> ROW = (rs, row) -> new PendingRemoval(
            rs.getLong("id"), rs.getString("plan_id"),
            new Removal(rs.getString("path"), rs.getBoolean("is_directory")), rs.getLong("change_seq"),
            Rows.instant(rs, "queued_at"), rs.getString("reason"));

    private static final int DELETE_CHUNK = 10_000;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    JdbcPendingRemovals(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** One batched insert: trashing a large subject queues the files of every unit and lesson of every plan. */
    @Override
    public void queue(String planId, long changeSeq, Collection<Removal> removals, String reason, Instant at) {
        List<Object[]> rows = new ArrayList<>();
        for (Removal removal : removals) {
            rows.add(new Object[] {planId, removal.path(), removal.directory(), changeSeq, Rows.utc(at),
                                   Rows.limited(reason)});
        }
        batch.batchUpdate("""
                          insert into export_pending_removal (plan_id, path, is_directory, change_seq, queued_at,
                                                              reason)
                          values (?, ?, ?, ?, ?, ?)
                          """, rows);
    }

    @Override
    public List<String> plans(int limit) {
        return jdbc.sql("""
                        select plan_id from export_pending_removal group by plan_id order by min(id) limit :limit
                        """)
                   .param("limit", limit).query(String.class).list();
    }

    @Override
    public List<PendingRemoval> of(String planId) {
        return jdbc.sql("select * from export_pending_removal where plan_id = :plan order by id")
                   .param("plan", planId).query(ROW).list();
    }

    @Override
    public void delete(Collection<Long> ids) {
        List<Long> all = List.copyOf(ids);
        for (int from = 0; from < all.size(); from += DELETE_CHUNK) { // PostgreSQL binds at most 65,535 values
            jdbc.sql("delete from export_pending_removal where id in (:ids)")
                .param("ids", all.subList(from, Math.min(all.size(), from + DELETE_CHUNK))).update();
        }
    }

    @Override
    public int supersede(String planId, long upToSeq) {
        return jdbc.sql("delete from export_pending_removal where plan_id = :plan and change_seq <= :seq")
                   .param("plan", planId).param("seq", upToSeq).update();
    }

    @Override
    public long count() {
        return jdbc.sql("select count(*) from export_pending_removal").query(Long.class).single();
    }
}
