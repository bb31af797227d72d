package com.memora.projection.export;

import com.memora.projection.export.content.ExportPlan;
import com.memora.projection.export.content.LessonContent;
import com.memora.projection.export.content.NodeDetails;
import com.memora.projection.export.content.PlanContent;
import com.memora.projection.export.content.PlanSubject;
import com.memora.projection.export.content.StageType;
import com.memora.projection.export.content.SubjectContent;
import com.memora.projection.export.content.TopicContent;
import com.memora.projection.export.content.TrackContent;
import com.memora.projection.export.content.UnitContent;

import java.util.ArrayList;
import java.util.List;

import static com.memora.projection.export.DemoCurriculum.config;
import static com.memora.projection.export.DemoCurriculum.stage;

/** Plans of a chosen size: lessons spread over subjects, one track, one unit and one topic per subject. */
public final class GeneratedPlans {

    private GeneratedPlans() {
    }

    /** @param lessonsPerSubject how many published lessons each subject gets (its length is the subject count) */
    public static PlanContent plan(String planId, int... lessonsPerSubject) {
        List<PlanSubject> subjects = new ArrayList<>();
        for (int s = 0; s < lessonsPerSubject.length; s++) {
            subjects.add(new PlanSubject(subject("S" + s, "Subject " + s, lessonsPerSubject[s], ""), s));
        }
        return new PlanContent(new ExportPlan(planId, "Generated " + planId, null, null, null), subjects, List.of());
    }

    /** A subject whose lesson titles carry {@code titlePadding}, to make files as large as a test needs. */
    public static SubjectContent subject(String id, String title, int lessons, String titlePadding) {
        List<LessonContent> lessonContents = new ArrayList<>();
        for (int l = 0; l < lessons; l++) {
            lessonContents.add(new LessonContent(
                    NodeDetails.published(id + "-L" + l, "Lesson " + l + titlePadding, l),
                    List.of(stage("Read", StageType.TEXT, config("body", "Text of lesson " + l)))));
        }
        TopicContent topic = new TopicContent(NodeDetails.published(id + "-TP", "Topic of " + title, 1),
                                              lessonContents);
        UnitContent unit = new UnitContent(NodeDetails.published(id + "-U", "Unit of " + title, 1), null,
                                           List.of(topic));
        TrackContent track = new TrackContent(NodeDetails.published(id + "-T", "Track of " + title, 1), null, false,
                                              false, List.of(unit));
        return new SubjectContent(NodeDetails.published(id, title, 1), null, false, null, List.of(track));
    }
}
