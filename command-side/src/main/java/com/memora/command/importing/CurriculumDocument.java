package com.memora.command.importing;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.memora.kernel.content.ContentFields;
import com.memora.kernel.content.ContentKind;
import com.memora.kernel.content.LessonStage;
import com.memora.kernel.plan.OverrideAction;
import com.memora.kernel.plan.PlanDetails;
import com.memora.kernel.plan.PlanOverride;
import com.memora.kernel.plan.PlanSubject;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * An import document flattened into what the dispatch sends: the nodes of each level with their parent and JSON
 * path, the plans and the seasons. Read leniently (a wrong type reads as absent), because it is also read to find
 * the problems of a document that broke the schema, so that one response lists them all.
 */
record CurriculumDocument(List<Season> seasons, Map<ContentKind, List<Node>> nodes, List<Plan> plans) {

    private static final ObjectMapper STAGES = JsonMapper.builder().build();
    private static final TypeReference<List<LessonStage>> STAGE_LIST = new TypeReference<>() {
    };

    /** @param startText the start date as written (so a date that is not on the calendar can be reported) */
    record Season(String path, String id, String title, LocalDate startDate, LocalDate endDate, boolean active,
                  boolean enableRedis, boolean autoArchive, String startText, String endText) {
    }

    /** @param path where the node is in the document, e.g. {@code subjects[0].tracks[2]} */
    record Node(ContentKind kind, String path, String id, String parentId, ContentFields fields, boolean published) {
    }

    record Plan(String path, String id, PlanDetails details, List<PlanSubject> subjects, List<PlanOverride> overrides) {
    }

    static CurriculumDocument read(JsonNode document) {
        List<Season> seasons = new ArrayList<>();
        forEach(document, "seasons", "seasons", (path, season) -> seasons.add(new Season(
                path, text(season, "id"), text(season, "title"), date(season, "start_date"), date(season, "end_date"),
                bool(season, "is_active", false), bool(season, "enable_redis", true),
                bool(season, "auto_archive", false), text(season, "start_date"), text(season, "end_date"))));
        Map<ContentKind, List<Node>> nodes = new EnumMap<>(ContentKind.class);
        for (ContentKind kind : ContentKind.values()) {
            nodes.put(kind, new ArrayList<>());
        }
        readLevel(document, "", ContentKind.SUBJECT, null, nodes);
        List<Plan> plans = new ArrayList<>();
        forEach(document, "plans", "plans", (path, plan) -> plans.add(readPlan(path, plan)));
        return new CurriculumDocument(seasons, nodes, plans);
    }

    int nodeCount() {
        return nodes.values().stream().mapToInt(List::size).sum();
    }

    int stageCount() {
        return nodes.get(ContentKind.LESSON).stream().mapToInt(node -> node.fields().stages().size()).sum();
    }

    private static void readLevel(JsonNode container, String prefix, ContentKind kind, String parentId,
                                  Map<ContentKind, List<Node>> nodes) {
        forEach(container, kind.collection(), prefix + kind.collection(), (path, json) -> {
            String id = text(json, "id");
            nodes.get(kind).add(new Node(kind, path, id, parentId, fields(kind, json),
                                         bool(json, "is_published", false)));
            if (kind.child() != null) {
                readLevel(json, path + ".", kind.child(), id, nodes);
            }
        });
    }

    private static ContentFields fields(ContentKind kind, JsonNode json) {
        return new ContentFields(text(json, "title") == null ? null : text(json, "title").strip(),
                                 blankToNull(text(json, "description")), blankToNull(text(json, "image")),
                                 bool(json, "is_free_preview", false), integer(json, "sort_order"),
                                 blankToNull(text(json, "color_code")), bool(json, "is_public", false),
                                 blankToNull(text(json, "required_item")), bool(json, "is_sold_separately", false),
                                 bool(json, "parent_item_required", false), blankToNull(text(json, "badge_image")),
                                 kind == ContentKind.LESSON ? stages(json.get("stages")) : List.of());
    }

    private static Plan readPlan(String path, JsonNode plan) {
        String planId = text(plan, "id");
        List<PlanSubject> subjects = new ArrayList<>();
        forEach(plan, "subjects", path + ".subjects",
                (at, subject) -> subjects.add(new PlanSubject(text(subject, "subject"), integer(subject, "sort_order"))));
        List<PlanOverride> overrides = new ArrayList<>();
        forEach(plan, "overrides", path + ".overrides", (at, override) -> {
            ContentKind type = ContentKind.fromTypeName(text(override, "target_type")).orElse(null);
            OverrideAction action = OverrideAction.fromLabel(text(override, "action")).orElse(null);
            String value = blankToNull(text(override, "value"));
            String id = text(override, "id");
            overrides.add(new PlanOverride(id != null ? id : derivedId(type, text(override, "target_id"), action, value),
                                           type, text(override, "target_id"), action,
                                           value == null ? null : value.strip()));
        });
        return new Plan(path, planId, new PlanDetails(text(plan, "title"), text(plan, "season"), text(plan, "stream"),
                                                      text(plan, "grade")), subjects, overrides);
    }

    /** The same override content always gets the same id, so a re-import finds it instead of adding it again. */
    static String derivedId(ContentKind type, String targetId, OverrideAction action, String value) {
        String key = (type == null ? "" : type.name()) + "|" + targetId + "|" + (action == null ? "" : action.name())
                     + "|" + (value == null ? "" : value.strip());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return "ov-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private interface Entry {
        void accept(String path, JsonNode json);
    }

    private static void forEach(JsonNode container, String field, String path, Entry entry) {
        JsonNode array = container == null ? null : container.get(field);
        if (array == null || !array.isArray()) {
            return;
        }
        for (int i = 0; i < array.size(); i++) {
            if (array.get(i).isObject()) {
                entry.accept(path + "[" + i + "]", array.get(i));
            }
        }
    }

    private static List<LessonStage> stages(JsonNode stages) {
        if (stages == null || !stages.isArray()) {
            return List.of();
        }
        try {
            return STAGES.convertValue(stages, STAGE_LIST);
        } catch (IllegalArgumentException unreadable) {
            return List.of(); // the schema reports it
        }
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    private static boolean bool(JsonNode json, String field, boolean fallback) {
        JsonNode value = json.get(field);
        return value != null && value.isBoolean() ? value.asBoolean() : fallback;
    }

    private static int integer(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value != null && value.canConvertToInt() && value.isIntegralNumber() ? value.asInt() : 0;
    }

    private static LocalDate date(JsonNode json, String field) {
        String text = text(json, field);
        try {
            return text == null ? null : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
