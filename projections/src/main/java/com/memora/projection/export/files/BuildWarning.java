package com.memora.projection.export.files;

import java.util.Objects;

/**
 * Something a plan's build report should show although the build goes on: a file over a size limit (decisions
 * F4), or an override or flag the access rules had to ignore.
 *
 * @param path the file concerned, or null when the warning is about the plan's content
 */
public record BuildWarning(Kind kind, String path, String message) {

    public enum Kind {
        /** A search shard over 100 KiB: clients download it whole. */
        SHARD_TOO_LARGE,
        /** Any file over 10 MiB. */
        FILE_TOO_LARGE,
        /** An override or content flag the access rules ignored. */
        ACCESS_RULE_IGNORED
    }

    public BuildWarning {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return kind + (path == null ? "" : " " + path) + ": " + message;
    }
}
