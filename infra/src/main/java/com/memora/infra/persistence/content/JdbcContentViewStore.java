package com.memora.infra.persistence.content;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.memora.kernel.content.ContentFields;
import com.memora.kernel.content.ContentKind;
import com.memora.kernel.content.ContentRef;
import com.memora.kernel.content.LessonStage;
import com.memora.projection.content.ContentNodeView;
import com.memora.projection.content.ContentViewStore;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The content nodes of the read model in PostgreSQL ({@code content_node}). */
@Repository
class JdbcContentViewStore implements ContentViewStore {

    /** Stages as stored: {@code [{"title":…,"type":…,"config":{…}}]}, independent of the web's JSON naming. */
    private static final ObjectMapper STAGES_JSON = JsonMapper.builder().build();
    private static final TypeReference<List<LessonStage>> STAGE_LIST = new TypeReference<>() {
    };
    private static final String[] LEVEL_COLUMNS = {"subject_id", "track_id", "unit_id", "topic_id"};

    private final JdbcClient jdbc;

    JdbcContentViewStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void put(ContentNodeView view, long sequence) {
        withFields(view.fields(), jdbc.sql("""
                 insert into content_node (kind, id, depth, parent_id, subject_id, track_id, unit_id, topic_id,
                     title, description, image, is_published, is_free_preview, sort_order, color_code, is_public,
                     required_item, is_sold_separately, parent_item_required, badge_image, stages, is_trashed,
                     created_at, updated_at, last_sequence)
                 values (:kind, :id, :depth, :parent, :subject, :track, :unit, :topic, :title, :description, :image,
                     :published, :freePreview, :sortOrder, :colorCode, :isPublic, :requiredItem, :soldSeparately,
                     :parentItemRequired, :badgeImage, cast(:stages as jsonb), :trashed, :createdAt, :updatedAt,
                     :sequence)
                 on conflict (kind, id) do update set
                     parent_id = excluded.parent_id, subject_id = excluded.subject_id, track_id = excluded.track_id,
                     unit_id = excluded.unit_id, topic_id = excluded.topic_id, title = excluded.title,
                     description = excluded.description, image = excluded.image,
                     is_published = excluded.is_published, is_free_preview = excluded.is_free_preview,
                     sort_order = excluded.sort_order, color_code = excluded.color_code,
                     is_public = excluded.is_public, required_item = excluded.required_item,
                     is_sold_separately = excluded.is_sold_separately,
                     parent_item_required = excluded.parent_item_required, badge_image = excluded.badge_image,
                     stages = excluded.stages, is_trashed = excluded.is_trashed, created_at = excluded.created_at,
                     updated_at = excluded.updated_at, last_sequence = excluded.last_sequence
                 where content_node.last_sequence < excluded.last_sequence
                 """)
            .param("kind", view.kind().singular())
            .param("id", view.id())
            .param("depth", view.kind().depth())
            .param("parent", view.parentId())
            .param("subject", view.subjectId())
            .param("track", view.trackId())
            .param("unit", view.unitId())
            .param("topic", view.topicId())
            .param("published", view.published())
            .param("trashed", view.trashed())
            .param("createdAt", utc(view.createdAt()))
            .param("updatedAt", utc(view.updatedAt()))
            .param("sequence", sequence))
                .update();
    }

    @Override
    public void changeFields(ContentKind kind, String id, ContentFields fields, Instant at, long sequence) {
        withFields(fields, jdbc.sql("""
                 update content_node set title = :title, description = :description, image = :image,
                     is_free_preview = :freePreview, sort_order = :sortOrder, color_code = :colorCode,
                     is_public = :isPublic, required_item = :requiredItem, is_sold_separately = :soldSeparately,
                     parent_item_required = :parentItemRequired, badge_image = :badgeImage,
                     stages = cast(:stages as jsonb), updated_at = :at, last_sequence = :sequence
                 where kind = :kind and id = :id and last_sequence < :sequence
                 """)
            .param("at", utc(at))
            .param("sequence", sequence)
            .param("kind", kind.singular())
            .param("id", id))
                .update();
    }

    /**
     * The node's own row is guarded by its sequence; the ancestor ids of its descendants are set to absolute
     * values, which makes applying the move twice harmless too.
     */
    @Override
    public void move(ContentKind kind, String id, String parentId, List<ContentRef> ancestors, Instant at,
                     long sequence) {
        String[] path = new String[LEVEL_COLUMNS.length];
        for (ContentRef ancestor : ancestors) {
            path[ancestor.kind().depth()] = ancestor.id();
        }
        int moved = jdbc.sql("""
                             update content_node set parent_id = :parent, subject_id = :subject, track_id = :track,
                                 unit_id = :unit, topic_id = :topic, updated_at = :at, last_sequence = :sequence
                             where kind = :kind and id = :id and last_sequence < :sequence
                             """)
                        .param("parent", parentId)
                        .param("subject", path[0])
                        .param("track", kind.depth() == 1 ? id : path[1])
                        .param("unit", kind.depth() == 2 ? id : path[2])
                        .param("topic", kind.depth() == 3 ? id : path[3])
                        .param("at", utc(at)).param("sequence", sequence)
                        .param("kind", kind.singular()).param("id", id)
                        .update();
        if (moved == 0 || kind == ContentKind.LESSON) {
            return;
        }
        StringBuilder set = new StringBuilder();
        for (int level = 0; level < kind.depth(); level++) {
            set.append(level == 0 ? "" : ", ").append(LEVEL_COLUMNS[level]).append(" = :level").append(level);
        }
        var update = jdbc.sql("update content_node set " + set + " where " + LEVEL_COLUMNS[kind.depth()]
                              + " = :id and depth > :depth")
                         .param("id", id).param("depth", kind.depth());
        for (int level = 0; level < kind.depth(); level++) {
            update = update.param("level" + level, path[level]);
        }
        update.update();
    }

    @Override
    public void changePublished(ContentKind kind, String id, boolean published, Instant at, long sequence) {
        flag("is_published", kind, id, published, at, sequence);
    }

    @Override
    public void changeTrashed(ContentKind kind, String id, boolean trashed, Instant at, long sequence) {
        flag("is_trashed", kind, id, trashed, at, sequence);
    }

    private void flag(String column, ContentKind kind, String id, boolean value, Instant at, long sequence) {
        jdbc.sql("update content_node set " + column + " = :value, updated_at = :at, last_sequence = :sequence "
                 + "where kind = :kind and id = :id and last_sequence < :sequence")
            .param("value", value).param("at", utc(at)).param("sequence", sequence)
            .param("kind", kind.singular()).param("id", id)
            .update();
    }

    @Override
    public void remove(ContentKind kind, String id) {
        jdbc.sql("delete from content_node where kind = :kind and id = :id")
            .param("kind", kind.singular()).param("id", id).update();
    }

    @Override
    public Optional<ContentNodeView> find(ContentKind kind, String id) {
        return jdbc.sql("select * from content_node where kind = :kind and id = :id")
                   .param("kind", kind.singular()).param("id", id).query(rowMapper()).optional();
    }

    @Override
    public List<ContentNodeView> children(ContentKind kind, String id) {
        if (kind.child() == null) {
            return List.of();
        }
        return jdbc.sql("select * from content_node where kind = :kind and parent_id = :parent order by sort_order, id")
                   .param("kind", kind.child().singular()).param("parent", id).query(rowMapper()).list();
    }

    @Override
    public List<ContentNodeView> list(ContentKind kind, String parentIdOrNull, boolean trashed, int limit,
                                      int offset) {
        return jdbc.sql("""
                        select * from content_node
                        where kind = :kind and is_trashed = :trashed
                          and (cast(:parent as varchar) is null or parent_id = :parent)
                        order by sort_order, id limit :limit offset :offset
                        """)
                   .param("kind", kind.singular()).param("trashed", trashed).param("parent", parentIdOrNull)
                   .param("limit", limit).param("offset", offset)
                   .query(rowMapper()).list();
    }

    @Override
    public long count(ContentKind kind, String parentIdOrNull, boolean trashed) {
        return jdbc.sql("""
                        select count(*) from content_node
                        where kind = :kind and is_trashed = :trashed
                          and (cast(:parent as varchar) is null or parent_id = :parent)
                        """)
                   .param("kind", kind.singular()).param("trashed", trashed).param("parent", parentIdOrNull)
                   .query(Long.class).single();
    }

    @Override
    public List<ContentNodeView> subtreesOf(Collection<String> subjectIds) {
        if (subjectIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select * from content_node where subject_id in (:subjects)
                        order by depth, sort_order, id
                        """)
                   .param("subjects", subjectIds).query(rowMapper()).list();
    }

    @Override
    public List<ContentRef> descendants(ContentKind kind, String id) {
        if (kind == ContentKind.LESSON) {
            return List.of();
        }
        return jdbc.sql("select kind, id from content_node where " + LEVEL_COLUMNS[kind.depth()]
                        + " = :id and depth > :depth order by depth, sort_order, id")
                   .param("id", id).param("depth", kind.depth())
                   .query((rs, row) -> new ContentRef(ContentKind.fromSingular(rs.getString("kind")).orElseThrow(),
                                                      rs.getString("id")))
                   .list();
    }

    @Override
    public void deleteAll() {
        jdbc.sql("delete from content_node").update();
    }

    private static RowMapper<ContentNodeView> rowMapper() {
        return (rs, row) -> new ContentNodeView(
                ContentKind.fromSingular(rs.getString("kind")).orElseThrow(),
                rs.getString("id"),
                rs.getString("parent_id"),
                rs.getString("subject_id"),
                rs.getString("track_id"),
                rs.getString("unit_id"),
                rs.getString("topic_id"),
                new ContentFields(rs.getString("title"), rs.getString("description"), rs.getString("image"),
                                  rs.getBoolean("is_free_preview"), rs.getInt("sort_order"),
                                  rs.getString("color_code"), rs.getBoolean("is_public"),
                                  rs.getString("required_item"), rs.getBoolean("is_sold_separately"),
                                  rs.getBoolean("parent_item_required"), rs.getString("badge_image"),
                                  stages(rs.getString("stages"))),
                rs.getBoolean("is_published"),
                rs.getBoolean("is_trashed"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }

    /** Binds the editable fields, named as both the insert and the update use them. */
    private static JdbcClient.StatementSpec withFields(ContentFields fields, JdbcClient.StatementSpec statement) {
        return statement.param("title", fields.title())
                        .param("description", fields.description())
                        .param("image", fields.image())
                        .param("freePreview", fields.freePreview())
                        .param("sortOrder", fields.sortOrder())
                        .param("colorCode", fields.colorCode())
                        .param("isPublic", fields.isPublic())
                        .param("requiredItem", fields.requiredItem())
                        .param("soldSeparately", fields.soldSeparately())
                        .param("parentItemRequired", fields.parentItemRequired())
                        .param("badgeImage", fields.badgeImage())
                        .param("stages", stagesJson(fields.stages()));
    }

    private static String stagesJson(List<LessonStage> stages) {
        try {
            return STAGES_JSON.writeValueAsString(stages);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Lesson stages cannot be written as JSON", e);
        }
    }

    private static List<LessonStage> stages(String json) {
        try {
            return STAGES_JSON.readValue(json, STAGE_LIST);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored lesson stages are not valid JSON", e);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
