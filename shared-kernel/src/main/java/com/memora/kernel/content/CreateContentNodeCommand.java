package com.memora.kernel.content;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Creates a node of any kind. {@code parentId} names a node of the level above ({@code null} for a subject);
 * {@code fields} are applied to blank fields, so what is not sent takes its default.
 */
public record CreateContentNodeCommand(ContentKind kind,
                                       String id,
                                       String parentId,
                                       ContentPatch fields,
                                       boolean published) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return kind.aggregateId(id);
    }
}
