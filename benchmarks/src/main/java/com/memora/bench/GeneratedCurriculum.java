package com.memora.bench;

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

import java.util.ArrayList;
import java.util.List;

/**
 * A realistic plan of any size for the export benchmarks: Arabic and Latin titles, three stages per lesson (a
 * video, a question with options, a text), a paid subject with a sold-separately track, free-preview units, and
 * a few overrides.
 */
final class GeneratedCurriculum {

    private GeneratedCurriculum() {
    }

    /** {@code subjects × tracks × units × topics × lessons} lessons in all. */
    static PlanContent plan(String planId, int subjects, int tracks, int units, int topics, int lessons) {
        List<PlanSubject> planSubjects = new ArrayList<>();
        for (int s = 0; s < subjects; s++) {
            List<TrackContent> trackContents = new ArrayList<>();
            for (int t = 0; t < tracks; t++) {
                List<UnitContent> unitContents = new ArrayList<>();
                for (int u = 0; u < units; u++) {
                    List<TopicContent> topicContents = new ArrayList<>();
                    for (int p = 0; p < topics; p++) {
                        List<LessonContent> lessonContents = new ArrayList<>();
                        for (int l = 0; l < lessons; l++) {
                            String id = "L" + s + "-" + t + "-" + u + "-" + p + "-" + l;
                            lessonContents.add(new LessonContent(
                                    NodeDetails.published(id, "الدرس " + l + " — Lesson " + id, l)
                                               .withDescription("وصف قصير للدرس " + id),
                                    stages(id)));
                        }
                        topicContents.add(new TopicContent(NodeDetails.published(
                                "TP" + s + "-" + t + "-" + u + "-" + p, "الموضوع " + p, p), lessonContents));
                    }
                    unitContents.add(new UnitContent(
                            NodeDetails.published("U" + s + "-" + t + "-" + u, "الوحدة " + u, u)
                                       .withFreePreview(u == 0),
                            "https://img.memora.app/badges/u" + u + ".png", topicContents));
                }
                boolean dlc = t == tracks - 1 && tracks > 1;
                trackContents.add(new TrackContent(NodeDetails.published("T" + s + "-" + t, "المسار " + t, t),
                                                   dlc ? "ITEM-DLC-" + s : null, dlc, false, unitContents));
            }
            planSubjects.add(new PlanSubject(new SubjectContent(
                    NodeDetails.published("S" + s, "المادة " + s, s), "#3366FF", false, "ITEM-S" + s,
                    trackContents), s));
        }
        return new PlanContent(new ExportPlan(planId, "خطة " + planId, "SEASON-2026", "SCI", "G12"), planSubjects,
                               List.of(PlanOverride.hide(NodeKind.LESSON, "L0-0-0-0-0"),
                                       PlanOverride.rename(NodeKind.UNIT, "U0-0-1", "Renamed unit"),
                                       PlanOverride.setFree(NodeKind.TOPIC, "TP0-0-1-1")));
    }

    private static List<StageContent> stages(String lessonId) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode video = json.objectNode().put("video_url", "https://cdn.memora.app/memora-content/videos/"
                                                              + lessonId + ".mp4").put("duration_seconds", 420);
        ObjectNode question = json.objectNode().put("question", "ما ناتج ٢ + ٢ في الدرس " + lessonId + "؟")
                                  .put("answer", 2);
        question.putArray("options").add("3").add("5").add("4").add("22");
        ObjectNode text = json.objectNode().put("body", "نص الدرس ".repeat(20));
        return List.of(new StageContent("شاهد", StageType.VIDEO, video),
                       new StageContent("تحقق", StageType.QUESTION, question),
                       new StageContent("اقرأ", StageType.TEXT, text));
    }
}
