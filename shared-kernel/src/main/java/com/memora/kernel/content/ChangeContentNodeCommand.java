package com.memora.kernel.content;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A partial update: {@code null} leaves a field as it is. A different {@code parentId} moves the node, {@code published}
 * publishes or unpublishes it; only what actually changes becomes an event.
 */
public record ChangeContentNodeCommand(ContentKind kind,
                                       String id,
                                       String parentId,
                                       ContentPatch changes,
                                       Boolean published) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return kind.aggregateId(id);
    }
}
