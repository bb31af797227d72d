package com.memora.projection.export.files;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.memora.projection.export.content.StageContent;
import com.memora.projection.export.content.StageType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Lesson files ({@code plans/{plan}/lessons/{lesson}.json}): the lesson with its stages, its parents and its
 * place in the track (decisions D7: previous and next run through the lessons of one track, never across tracks).
 */
final class LessonFiles {

    private LessonFiles() {
    }

    static List<GeneratedFile> of(String planId, VisibleTree.Subject subject, Stamp stamp, VideoUrlSigner signer) {
        List<GeneratedFile> files = new ArrayList<>();
        for (VisibleTree.Track track : subject.tracks()) {
            List<VisibleTree.LessonPlace> inOrder = track.lessonPlaces();
            for (int position = 0; position < inOrder.size(); position++) {
                VisibleTree.Lesson previous = position > 0 ? inOrder.get(position - 1).lesson() : null;
                VisibleTree.Lesson next = position + 1 < inOrder.size() ? inOrder.get(position + 1).lesson() : null;
                VisibleTree.LessonPlace place = inOrder.get(position);
                files.add(GeneratedFile.of(FileKind.LESSON, ExportPaths.lesson(planId, place.lesson().content().id()),
                                           lesson(planId, subject, place, previous, next, stamp, signer)));
            }
        }
        return files;
    }

    private static ObjectNode lesson(String planId, VisibleTree.Subject subject, VisibleTree.LessonPlace place,
                                     VisibleTree.Lesson previous, VisibleTree.Lesson next, Stamp stamp,
                                     VideoUrlSigner signer) {
        VisibleTree.Lesson lesson = place.lesson();
        ObjectNode json = JsonBlocks.header(lesson.content().details(), lesson.node().title());
        json.put("sort_order", lesson.content().details().sortOrder());
        stamp.putInto(json);
        Stages stages = stages(lesson.content().stages(), stamp.generatedAt(), signer);
        if (stages.earliestExpiry() != null) {
            json.put("signed_url_expiry", JsonBlocks.timestamp(stages.earliestExpiry()));
        }
        json.set("access", JsonBlocks.access(lesson.node().access()));

        ObjectNode parent = json.putObject("parent");
        parent.put("topic_id", place.topic().content().id());
        parent.put("topic_title", place.topic().node().title());
        parent.put("unit_id", place.unit().content().id());
        parent.put("unit_title", place.unit().node().title());
        parent.put("track_id", place.track().content().id());
        parent.put("track_title", place.track().node().title());
        parent.put("subject_id", subject.content().id());
        parent.put("subject_title", subject.node().title());

        json.set("stages", stages.json());

        ObjectNode navigation = json.putObject("navigation");
        if (previous != null) {
            navigation.set("previous_lesson", link(planId, previous));
        }
        if (next != null) {
            navigation.set("next_lesson", link(planId, next));
        }
        return json;
    }

    private static ObjectNode link(String planId, VisibleTree.Lesson lesson) {
        ObjectNode link = ExportJson.object();
        link.put("id", lesson.content().id());
        link.put("title", lesson.node().title());
        link.put("url", ExportPaths.lesson(planId, lesson.content().id()));
        return link;
    }

    private record Stages(ArrayNode json, Instant earliestExpiry) {
    }

    private static Stages stages(List<StageContent> stages, Instant buildTime, VideoUrlSigner signer) {
        ArrayNode array = ExportJson.array();
        Instant earliestExpiry = null;
        int idx = 1;
        for (StageContent stage : stages) {
            ObjectNode json = array.addObject();
            json.put("idx", idx++);
            json.put("title", stage.title());
            json.put("type", stage.type().wireName());
            if (stage.config() != null) {
                JsonNode config = ExportJson.sortedCopy(stage.config());
                if (stage.type() == StageType.VIDEO && config instanceof ObjectNode object
                    && object.get("video_url") != null && object.get("video_url").isTextual()) {
                    SignedVideoUrl signed = signer.sign(object.get("video_url").asText(), buildTime);
                    object.put("video_url", signed.url());
                    if (signed.expiresAt() != null
                        && (earliestExpiry == null || signed.expiresAt().isBefore(earliestExpiry))) {
                        earliestExpiry = signed.expiresAt();
                    }
                }
                json.set("config", config);
            }
        }
        return new Stages(array, earliestExpiry);
    }
}
