package com.memora.projection.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.memora.kernel.access.NodeKind;
import com.memora.kernel.access.PlanOverride;
import com.memora.projection.export.content.ExportPlan;
import com.memora.projection.export.content.LessonContent;
import com.memora.projection.export.content.NodeDetails;
import com.memora.projection.export.content.PlanContent;
import com.memora.projection.export.content.PlanSubject;
import com.memora.projection.export.content.StageContent;
import com.memora.projection.export.content.StageType;
import com.memora.projection.export.content.SubjectContent;
import com.memora.projection.export.content.TopicContent;
import com.memora.projection.export.content.TrackContent;
import com.memora.projection.export.content.UnitContent;

import java.time.Instant;
import java.util.List;

/**
 * The demo curriculum: the tree of domain §5.5 with realistic titles (Arabic among them), stages of every type,
 * a trashed and an unpublished lesson, and plan P1's overrides (Hide U3, Set Free L5) plus a Rename. The expected
 * files under {@code src/test/resources/export/demo/} were written by hand from the spec, not generated.
 */
public final class DemoCurriculum {

    public static final Instant GENERATED_AT = Instant.parse("2026-01-25T10:00:00Z");
    public static final long BUILD = 1_769_335_200L;

    private DemoCurriculum() {
    }

    public static PlanContent planP1() {
        return new PlanContent(new ExportPlan("P1", "Tawjihi Scientific 2026", "SEASON-2026", "SCI", "G12"),
                               List.of(new PlanSubject(math(), 1), new PlanSubject(art(), 3),
                                       new PlanSubject(bio(), 2)),
                               List.of(PlanOverride.hide(NodeKind.UNIT, "U3"),
                                       PlanOverride.setFree(NodeKind.LESSON, "L5"),
                                       PlanOverride.rename(NodeKind.TOPIC, "TP2", "Introduction to limits")));
    }

    public static SubjectContent math() {
        return new SubjectContent(
                NodeDetails.published("MATH", "الرياضيات", 1)
                           .withDescription("Mathematics for the scientific stream"),
                "#3366FF", false, "ITEM-MATH",
                List.of(new TrackContent(NodeDetails.published("CORE", "Core", 1), null, false, false, List.of(
                                unit(NodeDetails.published("U1", "Foundations", 1).withFreePreview(true),
                                     "badges/u1.png",
                                     topic("TP1", "Numbers", 1,
                                           lesson(NodeDetails.published("L1", "الأعداد الحقيقية", 1),
                                                  stage("Watch", StageType.VIDEO, config(
                                                          "video_url", "https://cdn.memora.app/videos/l1.mp4",
                                                          "duration_seconds", 300)),
                                                  stage("Read", StageType.TEXT, config(
                                                          "body", "Every real number is rational or irrational."))),
                                           lesson(NodeDetails.published("L7", "Old notes", 2).withTrashed(true)))),
                                // listed out of order on purpose: the builder sorts by sort_order
                                unit(NodeDetails.published("U3", "Derivatives", 3), null,
                                     topic("TP3", "Rules", 1, lesson(NodeDetails.published("L3", "Power rule", 1)))),
                                unit(NodeDetails.published("U2", "Limits", 2), null,
                                     topic("TP2", "Intro", 1,
                                           lesson(NodeDetails.published("L6", "Draft: epsilon-delta", 3)
                                                             .withPublished(false)),
                                           lesson(NodeDetails.published("L2", "النهايات", 1)
                                                             .withDescription("What happens near a point"),
                                                  stage("Watch", StageType.VIDEO, config(
                                                          "video_url", "https://cdn.memora.app/videos/l2.mp4")),
                                                  stage("Check", StageType.QUESTION, config(
                                                          "question", "lim x→0 of sin x / x?",
                                                          "options", List.of("0", "1", "∞"),
                                                          "answer", 1)),
                                                  stage("Summary", StageType.TEXT, config(
                                                          "body", "النهاية هي القيمة التي تقترب منها الدالة"))),
                                           lesson(NodeDetails.published("L5", "Continuity", 2),
                                                  stage("Read", StageType.TEXT, config(
                                                          "body", "A function is continuous when …"))))))),
                        new TrackContent(NodeDetails.published("EXAM", "Exam pack", 2), "ITEM-EXAM", true, false,
                                         List.of(unit(NodeDetails.published("U4", "Past papers", 1), null,
                                                      topic("TP4", "2025 papers", 1,
                                                            lesson(NodeDetails.published("L4", "Paper 1", 1),
                                                                   stage("Q1", StageType.QUESTION, config(
                                                                           "question", "Solve x² = 4",
                                                                           "answer", "±2")))))))));
    }

    public static SubjectContent art() {
        return new SubjectContent(
                NodeDetails.published("ART", "Art", 3).withImage("https://img.memora.app/subjects/art.png"),
                null, true, null,
                List.of(new TrackContent(NodeDetails.published("A1", "Drawing", 1), null, false, false, List.of(
                        unit(NodeDetails.published("UA", "Lines", 1), null,
                             topic("TA", "Straight lines", 1,
                                   lesson(NodeDetails.published("LA", "Drawing a line", 1),
                                          stage("Try it", StageType.INTERACTIVE,
                                                config("canvas", config("width", 800, "height", 600))))))))));
    }

    public static SubjectContent bio() {
        return new SubjectContent(
                NodeDetails.published("BIO", "الأحياء", 2), "#22AA55", false, null,
                List.of(new TrackContent(NodeDetails.published("B1", "Cells", 1), null, false, false, List.of(
                        unit(NodeDetails.published("UB", "The cell", 1).withFreePreview(true), null,
                             topic("TB", "Organelles", 1,
                                   lesson(NodeDetails.published("LB", "الميتوكوندريا", 1),
                                          stage("Read", StageType.TEXT,
                                                config("body", "الميتوكوندريا هي مصنع الطاقة في الخلية")))))))));
    }

    public static UnitContent unit(NodeDetails details, String badge, TopicContent... topics) {
        return new UnitContent(details, badge, List.of(topics));
    }

    public static TopicContent topic(String id, String title, int sortOrder, LessonContent... lessons) {
        return new TopicContent(NodeDetails.published(id, title, sortOrder), List.of(lessons));
    }

    public static LessonContent lesson(NodeDetails details, StageContent... stages) {
        return new LessonContent(details, List.of(stages));
    }

    public static StageContent stage(String title, StageType type, JsonNode config) {
        return new StageContent(title, type, config);
    }

    /** A JSON object from name/value pairs, members in the order given. */
    public static ObjectNode config(Object... namesAndValues) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            node.set((String) namesAndValues[i], json(namesAndValues[i + 1]));
        }
        return node;
    }

    private static JsonNode json(Object value) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (value instanceof JsonNode node) {
            return node;
        }
        if (value instanceof String text) {
            return nodes.textNode(text);
        }
        if (value instanceof Integer number) {
            return nodes.numberNode(number);
        }
        if (value instanceof List<?> list) {
            var array = nodes.arrayNode();
            list.forEach(element -> array.add(json(element)));
            return array;
        }
        throw new IllegalArgumentException("Unsupported config value " + value);
    }
}
