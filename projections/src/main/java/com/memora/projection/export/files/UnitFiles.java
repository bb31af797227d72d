package com.memora.projection.export.files;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/** Unit files ({@code plans/{plan}/units/{unit}.json}): topics with lesson summaries linking to lesson files. */
final class UnitFiles {

    private UnitFiles() {
    }

    static List<GeneratedFile> of(String planId, VisibleTree.Subject subject, Stamp stamp) {
        List<GeneratedFile> files = new ArrayList<>();
        for (VisibleTree.Track track : subject.tracks()) {
            for (VisibleTree.Unit unit : track.units()) {
                files.add(GeneratedFile.of(FileKind.UNIT, ExportPaths.unit(planId, unit.content().id()),
                                           unit(planId, subject, track, unit, stamp)));
            }
        }
        return files;
    }

    private static ObjectNode unit(String planId, VisibleTree.Subject subject, VisibleTree.Track track,
                                   VisibleTree.Unit unit, Stamp stamp) {
        ObjectNode json = JsonBlocks.header(unit.content().details(), unit.node().title());
        JsonBlocks.putIfPresent(json, "badge_image", unit.content().badgeImage());
        json.put("sort_order", unit.content().details().sortOrder());
        stamp.putInto(json);

        ObjectNode parent = json.putObject("parent");
        parent.put("track_id", track.content().id());
        parent.put("track_title", track.node().title());
        parent.put("subject_id", subject.content().id());
        parent.put("subject_title", subject.node().title());

        json.set("access", JsonBlocks.access(unit.node().access()));

        ArrayNode topics = json.putArray("topics");
        for (VisibleTree.Topic topic : unit.topics()) {
            ObjectNode topicJson = JsonBlocks.header(topic.content().details(), topic.node().title());
            topicJson.put("sort_order", topic.content().details().sortOrder());
            topicJson.set("access", JsonBlocks.access(topic.node().access()));
            ArrayNode lessons = topicJson.putArray("lessons");
            for (VisibleTree.Lesson lesson : topic.lessons()) {
                ObjectNode summary = JsonBlocks.header(lesson.content().details(), lesson.node().title());
                summary.put("sort_order", lesson.content().details().sortOrder());
                summary.put("url", ExportPaths.lesson(planId, lesson.content().id()));
                summary.put("stage_count", lesson.content().stages().size());
                summary.set("access", JsonBlocks.access(lesson.node().access()));
                lessons.add(summary);
            }
            topics.add(topicJson);
        }

        ObjectNode stats = json.putObject("stats");
        stats.put("total_topics", unit.topics().size());
        stats.put("total_lessons", unit.lessonCount());
        return json;
    }
}
