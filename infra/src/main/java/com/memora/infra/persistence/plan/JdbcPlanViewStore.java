package com.memora.infra.persistence.plan;

import com.memora.kernel.content.ContentKind;
import com.memora.kernel.plan.OverrideAction;
import com.memora.kernel.plan.PlanDetails;
import com.memora.kernel.plan.PlanOverride;
import com.memora.kernel.plan.PlanSubject;
import com.memora.projection.plan.PlanView;
import com.memora.projection.plan.PlanViewStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Plans, plan subjects and plan overrides of the read model. A write first advances the plan row's
 * {@code last_sequence}; when that finds nothing to advance the event was applied before and the write stops. A read
 * takes three statements (plans, subjects, overrides) in one read-only REPEATABLE READ transaction.
 */
@Repository
class JdbcPlanViewStore implements PlanViewStore {

    private final JdbcClient jdbc;

    JdbcPlanViewStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void put(PlanView plan, long sequence) {
        int written = jdbc.sql("""
                               insert into plan_view (id, title, season_id, stream, grade, is_trashed, created_at,
                                                      updated_at, last_sequence)
                               values (:id, :title, :season, :stream, :grade, :trashed, :created, :updated, :sequence)
                               on conflict (id) do update set title = excluded.title, season_id = excluded.season_id,
                                   stream = excluded.stream, grade = excluded.grade, is_trashed = excluded.is_trashed,
                                   created_at = excluded.created_at, updated_at = excluded.updated_at,
                                   last_sequence = excluded.last_sequence
                               where plan_view.last_sequence < excluded.last_sequence
                               """)
                          .param("id", plan.id())
                          .param("title", plan.details().title())
                          .param("season", plan.details().seasonId())
                          .param("stream", plan.details().stream())
                          .param("grade", plan.details().grade())
                          .param("trashed", plan.trashed())
                          .param("created", utc(plan.createdAt()))
                          .param("updated", utc(plan.updatedAt()))
                          .param("sequence", sequence)
                          .update();
        if (written == 0) {
            return;
        }
        writeSubjects(plan.id(), plan.subjects());
        jdbc.sql("delete from plan_override_view where plan_id = :plan").param("plan", plan.id()).update();
        for (PlanOverride override : plan.overrides()) {
            insertOverride(plan.id(), override);
        }
    }

    @Override
    public void changeDetails(String planId, PlanDetails details, Instant at, long sequence) {
        jdbc.sql("""
                 update plan_view set title = :title, season_id = :season, stream = :stream, grade = :grade,
                                      updated_at = :at, last_sequence = :sequence
                 where id = :id and last_sequence < :sequence
                 """)
            .param("title", details.title()).param("season", details.seasonId()).param("stream", details.stream())
            .param("grade", details.grade()).param("at", utc(at)).param("sequence", sequence).param("id", planId)
            .update();
    }

    @Override
    public void replaceSubjects(String planId, List<PlanSubject> subjects, Instant at, long sequence) {
        if (advance(planId, at, sequence)) {
            writeSubjects(planId, subjects);
        }
    }

    @Override
    public void addOverride(String planId, PlanOverride override, Instant at, long sequence) {
        if (advance(planId, at, sequence)) {
            insertOverride(planId, override);
        }
    }

    @Override
    public void removeOverride(String planId, String overrideId, Instant at, long sequence) {
        if (advance(planId, at, sequence)) {
            jdbc.sql("delete from plan_override_view where plan_id = :plan and override_id = :id")
                .param("plan", planId).param("id", overrideId).update();
        }
    }

    @Override
    public void changeTrashed(String planId, boolean trashed, Instant at, long sequence) {
        jdbc.sql("""
                 update plan_view set is_trashed = :trashed, updated_at = :at, last_sequence = :sequence
                 where id = :id and last_sequence < :sequence
                 """)
            .param("trashed", trashed).param("at", utc(at)).param("sequence", sequence).param("id", planId)
            .update();
    }

    @Override
    public void remove(String planId) {
        jdbc.sql("delete from plan_override_view where plan_id = :id").param("id", planId).update();
        jdbc.sql("delete from plan_subject_view where plan_id = :id").param("id", planId).update();
        jdbc.sql("delete from plan_view where id = :id").param("id", planId).update();
    }

    /** One snapshot for the plan row and its children, so an edit committed between the statements is never half-seen. */
    @Override
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Optional<PlanView> find(String planId) {
        return jdbc.sql("select * from plan_view where id = :id").param("id", planId)
                   .query((rs, row) -> plan(rs)).optional()
                   .map(plan -> withChildren(List.of(plan)).get(0));
    }

    @Override
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public List<PlanView> list(boolean trashed, int limit, int offset) {
        List<PlanView> plans = jdbc.sql("""
                                        select * from plan_view where is_trashed = :trashed
                                        order by title, id limit :limit offset :offset
                                        """)
                                   .param("trashed", trashed).param("limit", limit).param("offset", offset)
                                   .query((rs, row) -> plan(rs)).list();
        return withChildren(plans);
    }

    @Override
    public long count(boolean trashed) {
        return jdbc.sql("select count(*) from plan_view where is_trashed = :trashed").param("trashed", trashed)
                   .query(Long.class).single();
    }

    @Override
    public List<String> planIdsListing(Collection<String> subjectIds) {
        if (subjectIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select distinct s.plan_id from plan_subject_view s join plan_view p on p.id = s.plan_id
                        where s.subject_id in (:subjects) and not p.is_trashed order by s.plan_id
                        """)
                   .param("subjects", subjectIds).query(String.class).list();
    }

    @Override
    public void deleteAll() {
        jdbc.sql("delete from plan_override_view").update();
        jdbc.sql("delete from plan_subject_view").update();
        jdbc.sql("delete from plan_view").update();
    }

    /** Subjects and overrides of all the given plans in two queries. */
    private List<PlanView> withChildren(List<PlanView> plans) {
        if (plans.isEmpty()) {
            return plans;
        }
        List<String> ids = plans.stream().map(PlanView::id).toList();
        Map<String, List<PlanSubject>> subjects = new LinkedHashMap<>();
        jdbc.sql("select * from plan_subject_view where plan_id in (:ids) order by plan_id, position")
            .param("ids", ids)
            .query(rs -> {
                subjects.computeIfAbsent(rs.getString("plan_id"), id -> new ArrayList<>())
                        .add(new PlanSubject(rs.getString("subject_id"), rs.getInt("sort_order")));
            });
        Map<String, List<PlanOverride>> overrides = new LinkedHashMap<>();
        jdbc.sql("select * from plan_override_view where plan_id in (:ids) order by plan_id, position")
            .param("ids", ids)
            .query(rs -> {
                overrides.computeIfAbsent(rs.getString("plan_id"), id -> new ArrayList<>())
                         .add(new PlanOverride(rs.getString("override_id"),
                                               ContentKind.valueOf(rs.getString("target_type")),
                                               rs.getString("target_id"),
                                               OverrideAction.valueOf(rs.getString("action")),
                                               rs.getString("value")));
            });
        return plans.stream()
                    .map(plan -> new PlanView(plan.id(), plan.details(), plan.trashed(),
                                              subjects.getOrDefault(plan.id(), List.of()),
                                              overrides.getOrDefault(plan.id(), List.of()), plan.createdAt(),
                                              plan.updatedAt()))
                    .toList();
    }

    private boolean advance(String planId, Instant at, long sequence) {
        return jdbc.sql("""
                        update plan_view set updated_at = :at, last_sequence = :sequence
                        where id = :id and last_sequence < :sequence
                        """)
                   .param("at", utc(at)).param("sequence", sequence).param("id", planId)
                   .update() > 0;
    }

    private void writeSubjects(String planId, List<PlanSubject> subjects) {
        jdbc.sql("delete from plan_subject_view where plan_id = :plan").param("plan", planId).update();
        for (int i = 0; i < subjects.size(); i++) {
            jdbc.sql("""
                     insert into plan_subject_view (plan_id, position, subject_id, sort_order)
                     values (:plan, :position, :subject, :sortOrder)
                     """)
                .param("plan", planId).param("position", i).param("subject", subjects.get(i).subjectId())
                .param("sortOrder", subjects.get(i).sortOrder())
                .update();
        }
    }

    private void insertOverride(String planId, PlanOverride override) {
        jdbc.sql("""
                 insert into plan_override_view (plan_id, override_id, position, target_type, target_id, action, value)
                 values (:plan, :id, (select coalesce(max(position), 0) + 1 from plan_override_view
                                      where plan_id = :plan), :type, :target, :action, :value)
                 """)
            .param("plan", planId).param("id", override.id()).param("type", override.targetType().name())
            .param("target", override.targetId()).param("action", override.action().name())
            .param("value", override.value())
            .update();
    }

    private static PlanView plan(ResultSet rs) throws SQLException {
        return new PlanView(rs.getString("id"),
                            new PlanDetails(rs.getString("title"), rs.getString("season_id"), rs.getString("stream"),
                                            rs.getString("grade")),
                            rs.getBoolean("is_trashed"), List.of(), List.of(),
                            rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                            rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
