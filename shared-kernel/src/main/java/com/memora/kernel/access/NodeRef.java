package com.memora.kernel.access;

import java.util.Objects;

/**
 * A content node named by kind and id. Ids are unique per kind only, so a subject {@code X} and a unit {@code X}
 * are different nodes; overrides are keyed the same way (decisions D4).
 */
public record NodeRef(NodeKind kind, String id) implements Comparable<NodeRef> {

    public NodeRef {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
    }

    public static NodeRef of(NodeKind kind, String id) {
        return new NodeRef(kind, id);
    }

    @Override
    public int compareTo(NodeRef other) {
        int byKind = kind.compareTo(other.kind);
        return byKind != 0 ? byKind : id.compareTo(other.id);
    }

    @Override
    public String toString() {
        return kind.label() + " " + id;
    }
}
