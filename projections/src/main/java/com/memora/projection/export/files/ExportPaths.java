package com.memora.projection.export.files;

import com.memora.kernel.id.Identifiers;

/**
 * The relative paths of a plan's files (decisions F1). They are the same under the local content root and in the
 * bucket, and they are the links between files (F2): a file never names a host.
 */
public final class ExportPaths {

    /** One id in a path: the identifier rule of decisions I1, without anchors. */
    static final String ID = "[A-Za-z0-9][A-Za-z0-9_-]{0,63}";

    private ExportPaths() {
    }

    /** The folder holding every file of a plan; deleting a plan deletes it (F8). */
    public static String planFolder(String planId) {
        return "plans/" + checked(planId, "plan");
    }

    /** The plan a path under {@code plans/} belongs to, or null for any other path (or a folder that is no plan id). */
    public static String planOf(String path) {
        String[] segments = path.split("/", 3);
        return segments.length == 3 && segments[0].equals("plans") && Identifiers.isValidNodeId(segments[1])
               ? segments[1] : null;
    }

    public static String manifest(String planId) {
        return planFolder(planId) + "/manifest.json";
    }

    public static String subject(String planId, String subjectId) {
        return planFolder(planId) + "/subjects/" + checked(subjectId, "subject") + ".json";
    }

    public static String unit(String planId, String unitId) {
        return planFolder(planId) + "/units/" + checked(unitId, "unit") + ".json";
    }

    public static String lesson(String planId, String lessonId) {
        return planFolder(planId) + "/lessons/" + checked(lessonId, "lesson") + ".json";
    }

    public static String searchIndex(String planId) {
        return planFolder(planId) + "/search_index.json";
    }

    public static String searchShard(String planId, String subjectId) {
        return planFolder(planId) + "/search/" + checked(subjectId, "subject") + ".json";
    }

    /** Ids become file names, so an id outside I1 never reaches a path (no {@code ..}, no slash). */
    private static String checked(String id, String kind) {
        if (!Identifiers.isValidNodeId(id)) {
            throw new IllegalArgumentException("The " + kind + " id '" + id + "' cannot be part of a file path: ids"
                                               + " match " + Identifiers.NODE_ID_REGEX + " (decisions I1)");
        }
        return id;
    }
}
