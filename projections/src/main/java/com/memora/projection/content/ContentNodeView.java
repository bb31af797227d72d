package com.memora.projection.content;

import com.memora.kernel.content.ContentFields;
import com.memora.kernel.content.ContentKind;
import com.memora.kernel.content.ContentRef;

import java.time.Instant;
import java.util.List;

/**
 * One row of the content read model: a node with all its fields, its place in the tree (parent and the id of its
 * ancestor on every level above it, so a plan's whole tree is one query by {@code subjectId}) and its flags.
 *
 * @param subjectId the subject this node belongs to (its own id for a subject)
 * @param trackId   its track, {@code null} above track level; likewise {@code unitId} and {@code topicId}
 */
public record ContentNodeView(ContentKind kind,
                              String id,
                              String parentId,
                              String subjectId,
                              String trackId,
                              String unitId,
                              String topicId,
                              ContentFields fields,
                              boolean published,
                              boolean trashed,
                              Instant createdAt,
                              Instant updatedAt) {

    /** A node as placed under {@code ancestors} (subject first). */
    public static ContentNodeView placed(ContentKind kind, String id, String parentId, List<ContentRef> ancestors,
                                         ContentFields fields, boolean published, boolean trashed, Instant createdAt,
                                         Instant updatedAt) {
        String[] path = path(kind, id, ancestors);
        return new ContentNodeView(kind, id, parentId, path[0], path[1], path[2], path[3], fields, published,
                                   trashed, createdAt, updatedAt);
    }

    /** Ids per level (subject, track, unit, topic) of a node and its ancestors; {@code null} below the node. */
    static String[] path(ContentKind kind, String id, List<ContentRef> ancestors) {
        String[] path = new String[4];
        for (ContentRef ancestor : ancestors) {
            path[ancestor.kind().depth()] = ancestor.id();
        }
        if (kind.depth() < path.length) {
            path[kind.depth()] = id;
        }
        return path;
    }
}
