package com.memora.kernel.access;

import java.util.Objects;

/**
 * Something in a plan's overrides or content that the rules had to ignore, such as a Set Sold Separately on a
 * track without its own item, or an override whose target is not in the plan. The build goes on; the warning
 * belongs in the plan's build report so an editor can fix it.
 */
public record AccessWarning(NodeRef node, String message) {

    public AccessWarning {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return node + ": " + message;
    }
}
