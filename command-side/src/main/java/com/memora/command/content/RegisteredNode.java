package com.memora.command.content;

import com.memora.kernel.content.ContentKind;
import com.memora.kernel.content.ContentRef;

/**
 * What the command side knows synchronously about a content node: enough to check the rules that span
 * aggregates, nothing more.
 *
 * @param ownItem the node has its own {@code required_item} (subjects and tracks)
 */
public record RegisteredNode(ContentKind kind, String id, String parentId, RegistryState state, boolean ownItem) {

    public ContentRef ref() {
        return new ContentRef(kind, id);
    }

    public boolean trashed() {
        return state == RegistryState.TRASHED;
    }

    public boolean deleted() {
        return state == RegistryState.DELETED;
    }
}
