package com.memora.projection.export.files;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Subject files ({@code plans/{plan}/subjects/{subject}.json}): tracks with unit summaries linking to unit files. */
final class SubjectFiles {

    private SubjectFiles() {
    }

    static GeneratedFile of(String planId, VisibleTree.Subject subject, Stamp stamp) {
        ObjectNode json = JsonBlocks.header(subject.content().details(), subject.node().title());
        JsonBlocks.putIfPresent(json, "color_code", subject.content().colorCode());
        stamp.putInto(json);
        json.set("access", JsonBlocks.access(subject.node().access()));

        ArrayNode tracks = json.putArray("tracks");
        for (VisibleTree.Track track : subject.tracks()) {
            ObjectNode trackJson = JsonBlocks.header(track.content().details(), track.node().title());
            trackJson.put("sort_order", track.content().details().sortOrder());
            trackJson.set("access", JsonBlocks.access(track.node().access()));
            ArrayNode units = trackJson.putArray("units");
            for (VisibleTree.Unit unit : track.units()) {
                ObjectNode summary = JsonBlocks.header(unit.content().details(), unit.node().title());
                JsonBlocks.putIfPresent(summary, "badge_image", unit.content().badgeImage());
                summary.put("sort_order", unit.content().details().sortOrder());
                summary.put("url", ExportPaths.unit(planId, unit.content().id()));
                summary.put("topic_count", unit.topics().size());
                summary.put("lesson_count", unit.lessonCount());
                summary.set("access", JsonBlocks.access(unit.node().access()));
                units.add(summary);
            }
            tracks.add(trackJson);
        }

        ObjectNode stats = json.putObject("stats");
        stats.put("total_units", subject.unitCount());
        stats.put("total_topics", subject.topicCount());
        stats.put("total_lessons", subject.lessonCount());
        return GeneratedFile.of(FileKind.SUBJECT, ExportPaths.subject(planId, subject.content().id()), json);
    }
}
