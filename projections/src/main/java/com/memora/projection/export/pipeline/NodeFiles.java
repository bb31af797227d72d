package com.memora.projection.export.pipeline;

import com.memora.kernel.content.ContentKind;
import com.memora.kernel.content.ContentRef;
import com.memora.projection.export.files.ExportPaths;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The files of one plan that belong to a content node and its sub-tree (decisions F1): what must go at once when
 * the node is trashed or deleted (F8). A subject has its subject file and its search shard, a unit and a lesson
 * their own file; tracks and topics have none of their own, only their descendants do.
 */
final class NodeFiles {

    private NodeFiles() {
    }

    /**
     * @param descendants the node's whole sub-tree (any kind, any state); its units and lessons become invisible
     *                    with it, so their files go too
     */
    static List<Removal> of(String planId, ContentKind kind, String id, Collection<ContentRef> descendants) {
        List<Removal> removals = new ArrayList<>(own(planId, kind, id));
        for (ContentRef descendant : descendants) {
            removals.addAll(own(planId, descendant.kind(), descendant.id()));
        }
        return removals;
    }

    private static List<Removal> own(String planId, ContentKind kind, String id) {
        return switch (kind) {
            case SUBJECT -> List.of(Removal.file(ExportPaths.subject(planId, id)),
                                    Removal.file(ExportPaths.searchShard(planId, id)));
            case UNIT -> List.of(Removal.file(ExportPaths.unit(planId, id)));
            case LESSON -> List.of(Removal.file(ExportPaths.lesson(planId, id)));
            case TRACK, TOPIC -> List.of();
        };
    }
}
