package com.memora.kernel.content;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Takes a node out of the trash, with its sub-tree. Restoring a node that is not in the trash changes nothing. */
public record RestoreContentNodeCommand(ContentKind kind, String id) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return kind.aggregateId(id);
    }
}
