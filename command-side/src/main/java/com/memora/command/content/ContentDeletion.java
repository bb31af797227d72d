package com.memora.command.content;

import com.memora.kernel.content.ContentKind;
import com.memora.kernel.content.ContentRef;
import com.memora.kernel.content.DeleteContentNodeCommand;
import com.memora.kernel.error.NotFoundException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.stereotype.Service;

import java.util.List;

/**
 * Deletes a node for good with its whole sub-tree: one command per node, deepest first, so that no event ever
 * says a parent is gone while a child remains. Each node's delete is its own transaction; if the cascade stops
 * half-way (a crash, a concurrent create under the node), what is left is a smaller but whole tree, and sending
 * the delete again finishes it.
 */
@Service
public class ContentDeletion {

    private final ContentRegistry registry;
    private final CommandGateway commands;

    ContentDeletion(ContentRegistry registry, CommandGateway commands) {
        this.registry = registry;
        this.commands = commands;
    }

    /** @return how many descendants were deleted with the node */
    public int deleteWithSubtree(ContentKind kind, String id) {
        registry.find(kind, id).filter(node -> !node.deleted())
                .orElseThrow(() -> new NotFoundException(kind.singular(), id));
        List<ContentRef> descendants = registry.descendants(kind, id);
        for (ContentRef descendant : descendants) {
            try {
                commands.sendAndWait(new DeleteContentNodeCommand(descendant.kind(), descendant.id()));
            } catch (AggregateNotFoundException alreadyGone) {
                // another delete of the same sub-tree, running at the same time, got there first
            }
        }
        commands.sendAndWait(new DeleteContentNodeCommand(kind, id));
        return descendants.size();
    }
}
