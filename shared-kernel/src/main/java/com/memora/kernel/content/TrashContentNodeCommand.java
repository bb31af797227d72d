package com.memora.kernel.content;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Moves a node to the trash; its sub-tree stays as it is, hidden with it. Trashing a trashed node changes nothing. */
public record TrashContentNodeCommand(ContentKind kind, String id) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return kind.aggregateId(id);
    }
}
