package com.memora.command.content;

import com.memora.command.web.LifecycleResponse;
import com.memora.command.web.PermanentDeletes;
import com.memora.kernel.content.ContentKind;
import com.memora.kernel.content.RestoreContentNodeCommand;
import com.memora.kernel.content.TrashContentNodeCommand;
import com.memora.kernel.id.Identifiers;
import jakarta.validation.constraints.Pattern;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code DELETE /api/{kind}/{id}} moves a node to the trash (EDITOR); with {@code permanent=true&confirm=true} it
 * deletes the node and its sub-tree for good (ADMIN, decisions D8). {@code POST /api/{kind}/{id}/restore} takes it
 * out of the trash. Plans have the same endpoints in their own controller.
 */
@RestController
@RequestMapping("/api/{kind:subjects|tracks|units|topics|lessons}/{id}")
class ContentLifecycleController {

    private final CommandGateway commands;
    private final ContentDeletion deletion;

    ContentLifecycleController(CommandGateway commands, ContentDeletion deletion) {
        this.commands = commands;
        this.deletion = deletion;
    }

    @DeleteMapping
    @PreAuthorize("hasRole('EDITOR') and (!#permanent or hasRole('ADMIN'))")
    LifecycleResponse delete(@PathVariable("kind") String collection,
                             @PathVariable("id") @Pattern(regexp = Identifiers.NODE_ID_REGEX) String id,
                             @RequestParam(name = "permanent", defaultValue = "false") boolean permanent,
                             @RequestParam(name = "confirm", defaultValue = "false") boolean confirm) {
        ContentKind kind = kindOf(collection);
        if (!permanent) {
            commands.sendAndWait(new TrashContentNodeCommand(kind, id));
            return LifecycleResponse.trashed(id);
        }
        PermanentDeletes.requireConfirmation(confirm);
        return LifecycleResponse.deleted(id, deletion.deleteWithSubtree(kind, id));
    }

    @PostMapping("/restore")
    @PreAuthorize("hasRole('EDITOR')")
    LifecycleResponse restore(@PathVariable("kind") String collection,
                              @PathVariable("id") @Pattern(regexp = Identifiers.NODE_ID_REGEX) String id) {
        commands.sendAndWait(new RestoreContentNodeCommand(kindOf(collection), id));
        return LifecycleResponse.active(id);
    }

    private static ContentKind kindOf(String collection) {
        return ContentKind.fromCollection(collection).orElseThrow();
    }
}
