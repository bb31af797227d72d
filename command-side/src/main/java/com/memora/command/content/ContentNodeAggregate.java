package com.memora.command.content;

import com.memora.kernel.content.ChangeContentNodeCommand;
import com.memora.kernel.content.ContentFields;
import com.memora.kernel.content.ContentKind;
import com.memora.kernel.content.ContentNodeChangedEvent;
import com.memora.kernel.content.ContentNodeCreatedEvent;
import com.memora.kernel.content.ContentNodeDeletedEvent;
import com.memora.kernel.content.ContentNodeMovedEvent;
import com.memora.kernel.content.ContentNodePublishedEvent;
import com.memora.kernel.content.ContentNodeRestoredEvent;
import com.memora.kernel.content.ContentNodeTrashedEvent;
import com.memora.kernel.content.ContentNodeUnpublishedEvent;
import com.memora.kernel.content.ContentRef;
import com.memora.kernel.content.ContentRules;
import com.memora.kernel.content.CreateContentNodeCommand;
import com.memora.kernel.content.DeleteContentNodeCommand;
import com.memora.kernel.content.PrepareContentNodeDeletionCommand;
import com.memora.kernel.content.RestoreContentNodeCommand;
import com.memora.kernel.content.TrashContentNodeCommand;
import com.memora.kernel.error.ConflictException;
import com.memora.kernel.error.FieldProblem;
import com.memora.kernel.error.InvalidInputException;
import com.memora.kernel.id.Identifiers;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

/**
 * One content node: a subject, track, unit, topic or lesson (with its ordered stages), identified in the event
 * store as {@code <kind>:<id>} (decisions I2). See the package documentation for why the boundary is one node and
 * not one subject tree.
 * <p>
 * The node's own rules (fields, kind-specific fields, stages) are checked here from its own state. The rules that
 * span nodes (the parent exists and is not trashed, no cycle, no orphan) are checked against the
 * {@link ContentRegistry}, which the same transaction keeps in step with the events; the ancestor chain that every
 * event carries (decisions D6) comes from it too, so it is right even after an ancestor moved.
 */
@Aggregate
public class ContentNodeAggregate {

    @AggregateIdentifier
    private String aggregateId;
    private ContentKind kind;
    private String nodeId;
    private String parentId;
    private ContentFields fields;
    private boolean published;
    private boolean trashed;

    protected ContentNodeAggregate() {
        // required by Axon to rebuild the aggregate from its events
    }

    @CommandHandler
    public ContentNodeAggregate(CreateContentNodeCommand command, ContentRegistry registry) {
        ContentKind newKind = command.kind();
        ContentFields newFields = ContentFields.blank().apply(command.fields());
        List<FieldProblem> problems = new ArrayList<>(ContentRules.checkId(newKind, command.id()));
        problems.addAll(parentProblems(newKind, command.parentId(), true));
        problems.addAll(ContentRules.checkPatchFitsKind(newKind, command.fields()));
        problems.addAll(ContentRules.checkFields(newKind, newFields));
        refuseIfAny(problems);
        List<ContentRef> ancestors = placeUnder(newKind, command.id(), command.parentId(), registry);
        apply(new ContentNodeCreatedEvent(newKind, command.id(), command.parentId(), ancestors, newFields,
                                          command.published()));
    }

    /** Move, field changes and publication, each an event of its own and only when something changes. */
    @CommandHandler
    void handle(ChangeContentNodeCommand command, ContentRegistry registry) {
        ContentFields newFields = fields.apply(command.changes());
        List<FieldProblem> problems = new ArrayList<>(ContentRules.checkPatchFitsKind(kind, command.changes()));
        if (command.parentId() != null) {
            problems.addAll(parentProblems(kind, command.parentId(), false));
        }
        problems.addAll(ContentRules.checkFields(kind, newFields));
        refuseIfAny(problems);

        List<ContentRef> ancestors = currentAncestors(registry);
        if (command.parentId() != null && !command.parentId().equals(parentId)) {
            List<ContentRef> newAncestors = placeUnder(kind, nodeId, command.parentId(), registry);
            apply(new ContentNodeMovedEvent(kind, nodeId, parentId, ancestors, command.parentId(), newAncestors));
            ancestors = newAncestors;
        }
        List<String> changed = newFields.differencesFrom(fields);
        if (!changed.isEmpty()) {
            apply(new ContentNodeChangedEvent(kind, nodeId, parentId, ancestors, newFields, changed));
        }
        if (command.published() != null && command.published() != published) {
            apply(command.published() ? new ContentNodePublishedEvent(kind, nodeId, parentId, ancestors)
                                      : new ContentNodeUnpublishedEvent(kind, nodeId, parentId, ancestors));
        }
    }

    /** The sub-tree stays as it is, hidden with the node; trashing twice changes nothing. */
    @CommandHandler
    void handle(TrashContentNodeCommand command, ContentRegistry registry) {
        if (!trashed) {
            apply(new ContentNodeTrashedEvent(kind, nodeId, parentId, currentAncestors(registry)));
        }
    }

    /** Only under a parent outside the trash; restoring a node outside the trash changes nothing. */
    @CommandHandler
    void handle(RestoreContentNodeCommand command, ContentRegistry registry) {
        if (trashed) {
            List<ContentRef> ancestors = placeUnder(kind, nodeId, parentId, registry);
            apply(new ContentNodeRestoredEvent(kind, nodeId, parentId, ancestors, fields, published));
        }
    }

    /**
     * First step of a permanent delete: every rule of the node's own delete except "no children" (the cascade deletes
     * those next) is checked with the node locked, then the node goes to the trash. From then on nothing can be
     * created or moved under it and no plan can start listing it, so the cascade cannot be refused half-way by a
     * change made while it runs.
     */
    @CommandHandler
    void handle(PrepareContentNodeDeletionCommand command, ContentRegistry registry) {
        registry.lockAndCountChildren(kind, nodeId);
        refuseIfListedByPlans(registry);
        if (!trashed) {
            apply(new ContentNodeTrashedEvent(kind, nodeId, parentId, currentAncestors(registry)));
        }
    }

    /**
     * Never leaves an orphan or a plan listing a subject that no longer exists. As part of a cascade, a node that
     * is no longer under the cascade's root (it was moved out after the cascade listed the sub-tree) is left alone,
     * and a root taken out of the trash meanwhile stops the cascade.
     *
     * @return whether the node was deleted (false: it left the sub-tree being deleted)
     */
    @CommandHandler
    boolean handle(DeleteContentNodeCommand command, ContentRegistry registry) {
        int children = registry.lockAndCountChildren(kind, nodeId);
        if (command.cascadeRoot() != null && !stillUnder(command.cascadeRoot(), registry)) {
            return false;
        }
        if (children > 0) {
            throw new ConflictException("content-has-children", "The " + kind.singular() + " '" + nodeId
                    + "' still has " + children + " " + kind.child().collection() + "; they are deleted first "
                    + "(DELETE with permanent=true deletes a node's whole sub-tree, deepest first)");
        }
        refuseIfListedByPlans(registry);
        apply(new ContentNodeDeletedEvent(kind, nodeId, parentId, currentAncestors(registry), trashed));
        return true;
    }

    /**
     * Whether the node is (still) the cascade root or inside its sub-tree, read with the node and its ancestors
     * locked, so a move cannot slip in before this delete commits.
     */
    private boolean stillUnder(ContentRef root, ContentRegistry registry) {
        Optional<RegisteredNode> found = registry.lineage(kind, nodeId).stream()
                                                 .filter(node -> node.ref().equals(root)).findFirst();
        if (found.isEmpty()) {
            return false;
        }
        if (!found.get().trashed()) {
            throw new ConflictException("deletion-interrupted", "The " + root + " was taken out of the trash while "
                    + "it was being deleted for good; what was deleted so far stays deleted, the rest is back. Send "
                    + "the delete again to finish it");
        }
        return true;
    }

    private void refuseIfListedByPlans(ContentRegistry registry) {
        if (kind != ContentKind.SUBJECT) {
            return;
        }
        List<String> plans = registry.plansListing(nodeId);
        if (!plans.isEmpty()) {
            throw new ConflictException("subject-in-plans", "The subject '" + nodeId + "' is listed by plan(s) "
                    + plans + "; remove it from them (PUT /api/plans/{id}/subjects) before deleting it for good");
        }
    }

    @EventSourcingHandler
    void on(ContentNodeCreatedEvent event) {
        aggregateId = event.kind().aggregateId(event.id());
        kind = event.kind();
        nodeId = event.id();
        parentId = event.parentId();
        fields = event.fields();
        published = event.published();
        trashed = false;
    }

    @EventSourcingHandler
    void on(ContentNodeChangedEvent event) {
        fields = event.fields();
    }

    @EventSourcingHandler
    void on(ContentNodeMovedEvent event) {
        parentId = event.parentId();
    }

    @EventSourcingHandler
    void on(ContentNodePublishedEvent event) {
        published = true;
    }

    @EventSourcingHandler
    void on(ContentNodeUnpublishedEvent event) {
        published = false;
    }

    @EventSourcingHandler
    void on(ContentNodeTrashedEvent event) {
        trashed = true;
    }

    @EventSourcingHandler
    void on(ContentNodeRestoredEvent event) {
        trashed = false;
    }

    @EventSourcingHandler
    void on(ContentNodeDeletedEvent event) {
        markDeleted();
    }

    /**
     * The ancestors the node gets under {@code newParentId}: the parent must exist, be outside the trash with all
     * its ancestors, and not be the node itself or one of its descendants.
     */
    private static List<ContentRef> placeUnder(ContentKind kind, String selfId, String newParentId,
                                               ContentRegistry registry) {
        if (kind.isRoot()) {
            return List.of();
        }
        List<RegisteredNode> lineage = registry.lineage(kind.parent(), newParentId);
        if (lineage.isEmpty()) {
            throw new InvalidInputException("parent-not-found", kind.parentField(),
                    "No " + kind.parent().singular() + " with id '" + newParentId + "'");
        }
        if (lineage.stream().anyMatch(node -> node.kind() == kind && node.id().equals(selfId))) {
            throw new InvalidInputException("content-cycle", kind.parentField(), "A " + kind.singular()
                    + " cannot be placed under itself or one of its descendants");
        }
        Optional<RegisteredNode> inTrash = lineage.stream().filter(RegisteredNode::trashed).findFirst();
        if (inTrash.isPresent()) {
            RegisteredNode node = inTrash.get();
            throw new ConflictException("parent-trashed", "The " + node.kind().singular() + " '" + node.id()
                    + "' is in the trash; restore it first or choose another " + kind.parentField());
        }
        return ancestorsFrom(lineage);
    }

    private List<ContentRef> currentAncestors(ContentRegistry registry) {
        if (kind.isRoot()) {
            return List.of();
        }
        List<RegisteredNode> lineage = registry.lineage(kind.parent(), parentId);
        if (lineage.isEmpty()) {
            throw new IllegalStateException("The parent " + parentId + " of " + aggregateId
                                            + " is missing from the content registry");
        }
        return ancestorsFrom(lineage);
    }

    /** Lineage runs from the parent up; events list ancestors from the subject down. */
    private static List<ContentRef> ancestorsFrom(List<RegisteredNode> lineage) {
        List<ContentRef> ancestors = new ArrayList<>(lineage.size());
        for (int i = lineage.size() - 1; i >= 0; i--) {
            ancestors.add(lineage.get(i).ref());
        }
        return List.copyOf(ancestors);
    }

    private static List<FieldProblem> parentProblems(ContentKind kind, String parentId, boolean creating) {
        if (kind.isRoot()) {
            return parentId == null ? List.of()
                                    : List.of(new FieldProblem("parent", "A subject has no parent"));
        }
        if (parentId == null) {
            return creating ? List.of(new FieldProblem(kind.parentField(), "A " + kind.singular() + " needs its "
                                                                           + kind.parentField()))
                            : List.of();
        }
        if (!Identifiers.isValidNodeId(parentId)) {
            return List.of(new FieldProblem(kind.parentField(), kind.parentField() + " must be a "
                                                                + kind.parent().singular() + " id, got '"
                                                                + parentId + "'"));
        }
        return List.of();
    }

    private static void refuseIfAny(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidInputException("content-invalid", problems);
        }
    }
}
