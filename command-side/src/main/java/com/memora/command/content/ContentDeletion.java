package com.memora.command.content;

import com.memora.kernel.content.ContentKind;
import com.memora.kernel.content.ContentRef;
import com.memora.kernel.content.DeleteContentNodeCommand;
import com.memora.kernel.content.PrepareContentNodeDeletionCommand;
import com.memora.kernel.error.NotFoundException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.stereotype.Service;

import java.util.List;

/**
 * Deletes a node for good with its whole sub-tree (decisions D8).
 * <ol>
 *     <li>The node's own preconditions are checked first, under lock, and the node goes to the trash
 *     ({@link PrepareContentNodeDeletionCommand}): a refusal (a plan still lists the subject) comes before anything
 *     is deleted, and while the cascade runs nothing new can be created or moved into the sub-tree, nor can a plan
 *     start listing it.</li>
 *     <li>Then one command per node, deepest first, so that no event ever says a parent is gone while a child
 *     remains. Each command names the root: a node moved out of the sub-tree after it was listed is left alone.</li>
 *     <li>The node itself last.</li>
 * </ol>
 * Each node's delete is its own transaction; if the cascade stops half-way (a crash), what is left is a smaller but
 * whole tree in the trash, and sending the delete again finishes it.
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
        ContentRef root = new ContentRef(kind, id);
        commands.sendAndWait(new PrepareContentNodeDeletionCommand(kind, id));
        List<ContentRef> descendants = registry.descendants(kind, id);
        int deleted = 0;
        for (ContentRef descendant : descendants) {
            try {
                Object result = commands.sendAndWait(new DeleteContentNodeCommand(descendant.kind(), descendant.id(),
                                                                                  root));
                if (Boolean.TRUE.equals(result)) {
                    deleted++;
                }
            } catch (AggregateNotFoundException alreadyGone) {
                // another delete of the same sub-tree, running at the same time, got there first
            }
        }
        commands.sendAndWait(new DeleteContentNodeCommand(kind, id, root));
        return deleted;
    }
}
