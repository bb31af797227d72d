package com.memora.projection.export.files;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * The plan's search index ({@code plans/{plan}/search_index.json}): one entry per visible lesson, titles only.
 * From {@value #SHARDING_THRESHOLD} visible lessons on (decisions F4) the index only lists one shard per subject
 * that has lessons ({@code plans/{plan}/search/{subject}.json}), and the entries move into the shards.
 */
final class SearchFiles {

    static final int SHARDING_THRESHOLD = 500;

    private SearchFiles() {
    }

    /** The shards (if any) first, then the index, in publication order. */
    static List<GeneratedFile> of(String planId, List<VisibleTree.Subject> subjects, Stamp stamp) {
        int totalLessons = subjects.stream().mapToInt(VisibleTree.Subject::lessonCount).sum();
        boolean sharded = totalLessons >= SHARDING_THRESHOLD;

        ObjectNode index = ExportJson.object();
        index.put("plan_id", planId);
        stamp.putInto(index);
        index.put("total_lessons", totalLessons);
        index.put("is_sharded", sharded);

        List<GeneratedFile> files = new ArrayList<>();
        if (sharded) {
            ArrayNode shards = index.putArray("shards");
            for (VisibleTree.Subject subject : subjects) {
                if (subject.lessonCount() == 0) {
                    continue;
                }
                String shardPath = ExportPaths.searchShard(planId, subject.content().id());
                ObjectNode reference = shards.addObject();
                reference.put("subject_id", subject.content().id());
                reference.put("subject_name", subject.node().title());
                reference.put("url", shardPath);
                reference.put("lesson_count", subject.lessonCount());
                files.add(GeneratedFile.of(FileKind.SEARCH_SHARD, shardPath, shard(planId, subject, stamp)));
            }
        } else {
            ArrayNode entries = index.putArray("entries");
            subjects.forEach(subject -> addEntries(entries, subject));
        }
        files.add(GeneratedFile.of(FileKind.SEARCH_INDEX, ExportPaths.searchIndex(planId), index));
        return files;
    }

    private static ObjectNode shard(String planId, VisibleTree.Subject subject, Stamp stamp) {
        ObjectNode shard = ExportJson.object();
        shard.put("plan_id", planId);
        shard.put("subject_id", subject.content().id());
        shard.put("subject_name", subject.node().title());
        stamp.putInto(shard);
        addEntries(shard.putArray("lessons"), subject);
        return shard;
    }

    private static void addEntries(ArrayNode entries, VisibleTree.Subject subject) {
        for (VisibleTree.LessonPlace place : subject.lessonPlaces()) {
            ObjectNode entry = entries.addObject();
            entry.put("lesson_id", place.lesson().content().id());
            entry.put("lesson_name", place.lesson().node().title());
            entry.put("subject_id", subject.content().id());
            entry.put("subject_name", subject.node().title());
            entry.put("unit_id", place.unit().content().id());
            entry.put("unit_name", place.unit().node().title());
            entry.put("topic_id", place.topic().content().id());
            entry.put("topic_name", place.topic().node().title());
        }
    }
}
