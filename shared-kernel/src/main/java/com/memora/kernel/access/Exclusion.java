package com.memora.kernel.access;

import java.util.Objects;

/**
 * A node that is not in the plan's output.
 *
 * @param cause the node whose own state excluded this one: the node itself, or the ancestor that carried the
 *              sub-tree away
 */
public record Exclusion(NodeRef node, ExclusionReason reason, NodeRef cause) {

    public Exclusion {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(cause, "cause");
    }

    public boolean inherited() {
        return !node.equals(cause);
    }
}
