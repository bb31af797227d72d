package com.memora.infra.cdn;

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
import com.memora.projection.export.files.PlanFilesBuilder;
import com.memora.projection.export.staging.ContentFile;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Real plan files, built by the export's own builder: one subject, one unit, {@code lessons} lessons. */
final class PlanFixtures {

    static final Instant BUILT_AT = Instant.parse("2026-03-01T10:00:00Z");

    private PlanFixtures() {
    }

    static List<ContentFile> files(String planId, int lessons) {
        return files(planId, lessons, "");
    }

    /** @param titleSuffix changes every lesson's title, so the files' bytes change */
    static List<ContentFile> files(String planId, int lessons, String titleSuffix) {
        List<LessonContent> lessonContents = new ArrayList<>();
        for (int l = 1; l <= lessons; l++) {
            lessonContents.add(new LessonContent(NodeDetails.published("L" + l, "Lesson " + l + titleSuffix, l),
                                                 List.of(new StageContent("Read", StageType.TEXT, null))));
        }
        TopicContent topic = new TopicContent(NodeDetails.published("TP", "Topic", 1), lessonContents);
        UnitContent unit = new UnitContent(NodeDetails.published("U1", "Unit", 1), null, List.of(topic));
        TrackContent track = new TrackContent(NodeDetails.published("T1", "Track", 1), null, false, false,
                                              List.of(unit));
        SubjectContent subject = new SubjectContent(NodeDetails.published("S1", "العلوم", 1), null, true, null,
                                                    List.of(track));
        PlanContent plan = new PlanContent(new ExportPlan(planId, "Plan " + planId, null, null, null),
                                           List.of(new PlanSubject(subject, 1)), List.of());
        return new PlanFilesBuilder().build(plan, 1L, BUILT_AT).files().stream()
                                     .map(file -> new ContentFile(file.path(), file.bytes()))
                                     .toList();
    }
}
