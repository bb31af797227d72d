package com.memora.projection.export.content;

import java.util.List;
import java.util.Objects;

/**
 * @param requiredItem       the track's own item, optional (a track with one is a paid island, decisions D2)
 * @param soldSeparately     a DLC that can be bought on its own
 * @param parentItemRequired buying the parent subject also unlocks the track
 */
public record TrackContent(NodeDetails details, String requiredItem, boolean soldSeparately,
                           boolean parentItemRequired, List<UnitContent> units) {

    public TrackContent {
        Objects.requireNonNull(details, "details");
        requiredItem = NodeDetails.blankToNull(requiredItem);
        units = units == null ? List.of() : List.copyOf(units);
    }

    public String id() {
        return details.id();
    }
}
