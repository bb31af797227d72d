package com.memora.projection.export.content;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Objects;

/**
 * One stage of a lesson.
 *
 * @param config type-specific JSON (a video stage carries {@code video_url}); optional. Copied, so later changes
 *               to the caller's node do not leak into a build.
 */
public record StageContent(String title, StageType type, JsonNode config) {

    public StageContent {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(type, "type");
        config = config == null || config.isNull() ? null : config.deepCopy();
    }
}
