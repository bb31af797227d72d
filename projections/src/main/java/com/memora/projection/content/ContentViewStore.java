package com.memora.projection.content;

import com.memora.kernel.content.ContentFields;
import com.memora.kernel.content.ContentKind;
import com.memora.kernel.content.ContentRef;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Port to the content read model. Every write of a node's own event names the aggregate sequence it comes from
 * and is ignored when the row has already seen that sequence, so a redelivered or replayed event changes nothing.
 */
public interface ContentViewStore {

    /** Inserts the node, or replaces every column of its row (a restore behaves like a create). */
    void put(ContentNodeView view, long sequence);

    void changeFields(ContentKind kind, String id, ContentFields fields, Instant at, long sequence);

    /**
     * Moves the node under another parent, and brings the ancestor ids of its whole sub-tree in line with its new
     * ancestors (subject first).
     */
    void move(ContentKind kind, String id, String parentId, List<ContentRef> ancestors, Instant at, long sequence);

    void changePublished(ContentKind kind, String id, boolean published, Instant at, long sequence);

    void changeTrashed(ContentKind kind, String id, boolean trashed, Instant at, long sequence);

    void remove(ContentKind kind, String id);

    Optional<ContentNodeView> find(ContentKind kind, String id);

    /** The node's children (any trash state), in sibling order: sort_order, then id (decisions D7). */
    List<ContentNodeView> children(ContentKind kind, String id);

    /** A page of nodes of one kind in sibling order, optionally only one parent's. */
    List<ContentNodeView> list(ContentKind kind, String parentIdOrNull, boolean trashed, int limit, int offset);

    long count(ContentKind kind, String parentIdOrNull, boolean trashed);

    /**
     * Every node of these subjects (the subjects included), in tree order: by level, then sibling order. One query
     * for a plan's whole content tree, as the plan export needs.
     */
    List<ContentNodeView> subtreesOf(Collection<String> subjectIds);

    /** Every node below this one (any kind, any state), e.g. what becomes invisible when it is trashed. */
    List<ContentRef> descendants(ContentKind kind, String id);

    void deleteAll();
}
