package com.memora.infra.export;

import com.memora.infra.persistence.Rows;
import com.memora.projection.export.pipeline.DirtyPlans;
import com.memora.projection.export.pipeline.PendingPlan;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The dirty-plan marks ({@code export_dirty_plan}). A mark's number is drawn in the upsert's update branch, after
 * the row lock, so per plan the numbers grow in commit order: a build that read number n and deletes "up to n"
 * never deletes a change committed after its read.
 */
@Repository
class JdbcDirtyPlans implements DirtyPlans {

    private static final RowMapper<PendingPlan> ROW = (rs, row) -> new PendingPlan(
            rs.getString("plan_id"), rs.getLong("mark_seq"), Rows.instant(rs, "first_marked_at"),
            Rows.instant(rs, "last_marked_at"), rs.getInt("changes"), rs.getString("reason"),
            rs.getBoolean("manual"));

    private final JdbcClient jdbc;

    JdbcDirtyPlans(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, Long> mark(Collection<String> planIds, String reason, boolean manual, Instant at) {
        Map<String, Long> marked = new LinkedHashMap<>();
        // sorted, so two transactions marking overlapping plans lock the rows in the same order (no deadlock)
        for (String planId : new TreeSet<>(planIds)) {
            long seq = jdbc.sql("""
                                insert into export_dirty_plan (plan_id, mark_seq, first_marked_at, last_marked_at,
                                                               changes, reason, manual)
                                values (:plan, nextval('export_change_seq'), :at, :at, 1, :reason, :manual)
                                on conflict (plan_id) do update set mark_seq = nextval('export_change_seq'),
                                    last_marked_at = excluded.last_marked_at,
                                    changes = export_dirty_plan.changes + 1, reason = excluded.reason,
                                    manual = export_dirty_plan.manual or excluded.manual
                                returning mark_seq
                                """)
                           .param("plan", planId).param("at", Rows.utc(at)).param("reason", Rows.limited(reason))
                           .param("manual", manual)
                           .query(Long.class).single();
            marked.put(planId, seq);
        }
        return marked;
    }

    @Override
    public int markEveryPlan(String reason, Instant at) {
        return jdbc.sql("""
                        insert into export_dirty_plan (plan_id, mark_seq, first_marked_at, last_marked_at, changes,
                                                       reason, manual)
                        select id, nextval('export_change_seq'), :at, :at, 1, :reason, false
                        from plan_view where not is_trashed order by id
                        on conflict (plan_id) do update set mark_seq = nextval('export_change_seq'),
                            last_marked_at = excluded.last_marked_at, changes = export_dirty_plan.changes + 1,
                            reason = excluded.reason
                        """)
                   .param("at", Rows.utc(at)).param("reason", Rows.limited(reason))
                   .update();
    }

    @Override
    public List<PendingPlan> pending(int limit) {
        return jdbc.sql("select * from export_dirty_plan order by first_marked_at, plan_id limit :limit")
                   .param("limit", limit).query(ROW).list();
    }

    @Override
    public Optional<PendingPlan> find(String planId) {
        return jdbc.sql("select * from export_dirty_plan where plan_id = :plan").param("plan", planId)
                   .query(ROW).optional();
    }

    @Override
    public long count() {
        return jdbc.sql("select count(*) from export_dirty_plan").query(Long.class).single();
    }

    @Override
    public boolean anyManual() {
        return jdbc.sql("select exists (select 1 from export_dirty_plan where manual)").query(Boolean.class).single();
    }

    @Override
    public boolean consume(String planId, long upToSeq) {
        return jdbc.sql("delete from export_dirty_plan where plan_id = :plan and mark_seq <= :seq")
                   .param("plan", planId).param("seq", upToSeq).update() > 0;
    }
}
