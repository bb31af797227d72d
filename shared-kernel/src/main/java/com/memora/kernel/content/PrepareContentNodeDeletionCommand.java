package com.memora.kernel.content;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The first step of a permanent delete (decisions D8): checks, under lock, everything that would refuse the node's own
 * delete apart from its children (a subject still listed by a plan, also a trashed one), and moves the node to the
 * trash. Only then does the cascade delete the sub-tree, so a refusal never comes after descendants are gone, and
 * nothing new can be created, moved or listed in the sub-tree while the cascade runs.
 */
public record PrepareContentNodeDeletionCommand(ContentKind kind, String id) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return kind.aggregateId(id);
    }
}
