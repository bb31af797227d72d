package com.memora.projection.export.cdn;

import com.memora.projection.export.files.FileKind;
import com.memora.projection.export.staging.ContentFile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The order in which a plan's files reach the bucket (decisions F3, seed FR-006): lessons, units, subjects, search
 * shards, the search index, the manifest last, so that no published file ever points at one that is not there yet.
 * Files of one level do not refer to each other, so they may go up together; a level starts only when the one
 * before it is complete. Paths the export never writes (not one of the six kinds) come first: nothing refers to
 * them through a published file.
 */
public final class PublicationOrder {

    /** The levels, bottom-up. */
    public enum Level {
        OTHER, LESSONS, UNITS, SUBJECTS, SEARCH_SHARDS, SEARCH_INDEX, MANIFEST;

        public static Level of(String path) {
            return FileKind.ofPath(path).map(kind -> switch (kind) {
                case LESSON -> LESSONS;
                case UNIT -> UNITS;
                case SUBJECT -> SUBJECTS;
                case SEARCH_SHARD -> SEARCH_SHARDS;
                case SEARCH_INDEX -> SEARCH_INDEX;
                case MANIFEST -> MANIFEST;
            }).orElse(OTHER);
        }
    }

    private PublicationOrder() {
    }

    /** The files bottom-up; within a level the caller's order is kept. */
    public static List<ContentFile> sort(List<ContentFile> files) {
        return sortBy(files, ContentFile::path);
    }

    public static <T> List<T> sortBy(List<T> items, Function<T, String> path) {
        List<T> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparing(item -> Level.of(path.apply(item)))); // stable: ties keep their order
        return sorted;
    }

    /** The files grouped by level, levels bottom-up, each level in the caller's order. */
    public static Map<Level, List<ContentFile>> levels(List<ContentFile> files) {
        Map<Level, List<ContentFile>> levels = new EnumMap<>(Level.class);
        for (ContentFile file : files) {
            levels.computeIfAbsent(Level.of(file.path()), level -> new ArrayList<>()).add(file);
        }
        return levels;
    }
}
