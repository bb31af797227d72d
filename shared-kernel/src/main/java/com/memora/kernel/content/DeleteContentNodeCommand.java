package com.memora.kernel.content;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Deletes a node for good. Refused while it still has children: a cascade deletes them first, deepest first.
 *
 * @param cascadeRoot the node whose permanent delete this command is part of ({@code null}: this node alone). The
 *                    cascade lists the sub-tree once and then deletes node by node; a node that has been moved out of
 *                    the sub-tree meanwhile is no longer the cascade's to delete, and the handler leaves it alone.
 */
public record DeleteContentNodeCommand(ContentKind kind, String id, ContentRef cascadeRoot) {

    public DeleteContentNodeCommand(ContentKind kind, String id) {
        this(kind, id, null);
    }

    @TargetAggregateIdentifier
    public String aggregateId() {
        return kind.aggregateId(id);
    }
}
