package com.memora.kernel.content;

/**
 * Nodes of one kind in sibling order (sort_order, then id; decisions D7), answered with {@link ContentNodesResponse}.
 *
 * @param parentId only the children of this node; {@code null} for all
 * @param trashed  {@code true} for the trash, {@code false} for the nodes outside it
 */
public record FetchContentNodesQuery(ContentKind kind, String parentId, boolean trashed, int limit, int offset) {
}
