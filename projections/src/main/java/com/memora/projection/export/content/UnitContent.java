package com.memora.projection.export.content;

import java.util.List;
import java.util.Objects;

/** @param badgeImage optional */
public record UnitContent(NodeDetails details, String badgeImage, List<TopicContent> topics) {

    public UnitContent {
        Objects.requireNonNull(details, "details");
        badgeImage = NodeDetails.blankToNull(badgeImage);
        topics = topics == null ? List.of() : List.copyOf(topics);
    }

    public String id() {
        return details.id();
    }
}
