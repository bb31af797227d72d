package com.memora.projection.export.files;

import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/** The six kinds of file a plan is exported to (decisions F1), each with its path shape and its JSON Schema. */
public enum FileKind {

    MANIFEST("manifest", "plans/" + ExportPaths.ID + "/manifest\\.json"),
    SUBJECT("subject", "plans/" + ExportPaths.ID + "/subjects/" + ExportPaths.ID + "\\.json"),
    UNIT("unit", "plans/" + ExportPaths.ID + "/units/" + ExportPaths.ID + "\\.json"),
    LESSON("lesson", "plans/" + ExportPaths.ID + "/lessons/" + ExportPaths.ID + "\\.json"),
    SEARCH_INDEX("search_index", "plans/" + ExportPaths.ID + "/search_index\\.json"),
    SEARCH_SHARD("search_shard", "plans/" + ExportPaths.ID + "/search/" + ExportPaths.ID + "\\.json");

    private final String schemaName;
    private final Pattern path;

    FileKind(String schemaName, String pathRegex) {
        this.schemaName = schemaName;
        this.path = Pattern.compile(pathRegex);
    }

    /** The schema's file name under {@code schemas/export/}, e.g. {@code lesson.schema.json}. */
    public String schemaFile() {
        return schemaName + ".schema.json";
    }

    public boolean matches(String relativePath) {
        return relativePath != null && path.matcher(relativePath).matches();
    }

    /** The kind of file at a relative path, or empty for a path the export never writes. */
    public static Optional<FileKind> ofPath(String relativePath) {
        return Arrays.stream(values()).filter(kind -> kind.matches(relativePath)).findFirst();
    }
}
