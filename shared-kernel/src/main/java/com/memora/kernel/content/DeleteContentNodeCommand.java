package com.memora.kernel.content;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Deletes a node for good. Refused while it still has children: a cascade deletes them first, deepest first. */
public record DeleteContentNodeCommand(ContentKind kind, String id) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return kind.aggregateId(id);
    }
}
