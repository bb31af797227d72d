package com.memora.infra.persistence.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.memora.kernel.content.ContentKind;
import com.memora.kernel.plan.OverrideAction;
import com.memora.kernel.plan.PlanDetails;
import com.memora.kernel.plan.PlanOverride;
import com.memora.kernel.plan.PlanSubject;
import com.memora.projection.plan.PlanView;
import com.memora.projection.plan.PlanViewStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Plans, plan subjects and plan overrides of the read model. A write first advances the plan row's
 * {@code last_sequence}; when that finds nothing to advance the event was applied before and the write stops. A read
 * is one statement (children aggregated as JSON), so it sees one snapshot without a transaction of its own.
 */
@Repository
class JdbcPlanViewStore implements PlanViewStore {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A plan with its subjects and overrides in one statement: one snapshot, never an edit half-seen. */
    private static final String SELECT_PLANS = """
            select p.*,
                   coalesce((select json_agg(json_build_object('subject', s.subject_id, 'sort_order', s.sort_order)
                                             order by s.position)
                             from plan_subject_view s where s.plan_id = p.id), '[]') as subjects,
                   coalesce((select json_agg(json_build_object('id', o.override_id, 'target_type', o.target_type,
                                                               'target_id', o.target_id, 'action', o.action,
                                                               'value', o.value)
                                             order by o.position)
                             from plan_override_view o where o.plan_id = p.id), '[]') as overrides
            from plan_view p""";

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

    @Override
    public Optional<PlanView> find(String planId) {
        return jdbc.sql(SELECT_PLANS + " where p.id = :id").param("id", planId)
                   .query((rs, row) -> plan(rs)).optional();
    }

    @Override
    public List<PlanView> list(boolean trashed, int limit, int offset) {
        return jdbc.sql(SELECT_PLANS + " where p.is_trashed = :trashed"
                        + " order by p.title, p.id limit :limit offset :offset")
                   .param("trashed", trashed).param("limit", limit).param("offset", offset)
                   .query((rs, row) -> plan(rs)).list();
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
                            rs.getBoolean("is_trashed"), subjects(rs.getString("subjects")),
                            overrides(rs.getString("overrides")),
                            rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                            rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }

    private static List<PlanSubject> subjects(String json) {
        List<PlanSubject> subjects = new ArrayList<>();
        for (JsonNode subject : tree(json)) {
            subjects.add(new PlanSubject(subject.get("subject").asText(), subject.get("sort_order").asInt()));
        }
        return subjects;
    }

    private static List<PlanOverride> overrides(String json) {
        List<PlanOverride> overrides = new ArrayList<>();
        for (JsonNode override : tree(json)) {
            JsonNode value = override.get("value");
            overrides.add(new PlanOverride(override.get("id").asText(),
                                           ContentKind.valueOf(override.get("target_type").asText()),
                                           override.get("target_id").asText(),
                                           OverrideAction.valueOf(override.get("action").asText()),
                                           value == null || value.isNull() ? null : value.asText()));
        }
        return overrides;
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable plan children from PostgreSQL: " + e.getMessage(), e);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
