package com.memora.projection.export.pipeline;

import java.util.Objects;

/**
 * A file or folder to remove from the content root at once (decisions F8).
 *
 * @param path      relative to the content root ({@code plans/P1/lessons/L2.json}, or {@code plans/P1} for a plan)
 * @param directory a whole folder (a trashed or deleted plan), rather than one file
 */
public record Removal(String path, boolean directory) {

    public Removal {
        Objects.requireNonNull(path, "path");
    }

    public static Removal file(String path) {
        return new Removal(path, false);
    }

    public static Removal folder(String path) {
        return new Removal(path, true);
    }
}
