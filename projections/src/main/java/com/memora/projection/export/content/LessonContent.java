package com.memora.projection.export.content;

import java.util.List;
import java.util.Objects;

/** @param stages in their stored order; the position (1-based) becomes the stage's {@code idx} */
public record LessonContent(NodeDetails details, List<StageContent> stages) {

    public LessonContent {
        Objects.requireNonNull(details, "details");
        stages = stages == null ? List.of() : List.copyOf(stages);
    }

    public String id() {
        return details.id();
    }
}
