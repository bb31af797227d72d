package com.memora.projection.export.content;

import java.util.List;
import java.util.Objects;

/**
 * A subject with its whole tree, excluded nodes included (the access rules decide what is exported).
 *
 * @param colorCode    {@code #RRGGBB}, optional
 * @param requiredItem item code that makes the subject paid, optional
 */
public record SubjectContent(NodeDetails details, String colorCode, boolean isPublic, String requiredItem,
                             List<TrackContent> tracks) {

    public SubjectContent {
        Objects.requireNonNull(details, "details");
        colorCode = NodeDetails.blankToNull(colorCode);
        requiredItem = NodeDetails.blankToNull(requiredItem);
        tracks = tracks == null ? List.of() : List.copyOf(tracks);
    }

    public String id() {
        return details.id();
    }
}
