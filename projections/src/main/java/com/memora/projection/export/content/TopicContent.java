package com.memora.projection.export.content;

import java.util.List;
import java.util.Objects;

public record TopicContent(NodeDetails details, List<LessonContent> lessons) {

    public TopicContent {
        Objects.requireNonNull(details, "details");
        lessons = lessons == null ? List.of() : List.copyOf(lessons);
    }

    public String id() {
        return details.id();
    }
}
