package com.memora.command.content;

import com.memora.kernel.content.ContentNodeChangedEvent;
import com.memora.kernel.content.ContentNodeCreatedEvent;
import com.memora.kernel.content.ContentNodeDeletedEvent;
import com.memora.kernel.content.ContentNodeMovedEvent;
import com.memora.kernel.content.ContentNodeRestoredEvent;
import com.memora.kernel.content.ContentNodeTrashedEvent;
import com.memora.kernel.plan.PlanCreatedEvent;
import com.memora.kernel.plan.PlanDeletedEvent;
import com.memora.kernel.plan.PlanRestoredEvent;
import com.memora.kernel.plan.PlanSubject;
import com.memora.kernel.plan.PlanSubjectsReplacedEvent;
import com.memora.kernel.plan.PlanTrashedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Keeps the {@link ContentRegistry} in step with content and plan events. Its processing group is a
 * <em>subscribing</em> processor ({@code application.yml}), so these handlers run inside the command's unit of work,
 * in the same database transaction as the event append: an event is stored if and only if the registry reflects
 * it, and a failing handler fails the command (the classic Axon set-based validation pattern).
 * <p>
 * Should the registry ever need rebuilding (a restore from a backup taken between the two, a new column), the
 * {@link ResetHandler} empties it and the same handlers re-apply every event from the event store in one
 * transaction: {@code POST /api/admin/lookups/content-registry/rebuild}.
 */
@Component
@ProcessingGroup(ContentRegistryProjection.PROCESSING_GROUP)
public class ContentRegistryProjection {

    public static final String PROCESSING_GROUP = "content-registry";

    private final ContentRegistryUpdates registry;

    public ContentRegistryProjection(ContentRegistryUpdates registry) {
        this.registry = registry;
    }

    @EventHandler
    void on(ContentNodeCreatedEvent event) {
        registry.registerNode(event.kind(), event.id(), event.parentId(), RegistryState.ACTIVE,
                              event.fields().hasOwnItem());
    }

    @EventHandler
    void on(ContentNodeChangedEvent event) {
        if (event.changedFields().contains("required_item")) {
            registry.changeOwnItem(event.kind(), event.id(), event.fields().hasOwnItem());
        }
    }

    @EventHandler
    void on(ContentNodeMovedEvent event) {
        registry.moveNode(event.kind(), event.id(), event.parentId());
    }

    @EventHandler
    void on(ContentNodeTrashedEvent event) {
        registry.changeNodeState(event.kind(), event.id(), RegistryState.TRASHED);
    }

    @EventHandler
    void on(ContentNodeRestoredEvent event) {
        registry.registerNode(event.kind(), event.id(), event.parentId(), RegistryState.ACTIVE,
                              event.fields().hasOwnItem());
    }

    @EventHandler
    void on(ContentNodeDeletedEvent event) {
        registry.changeNodeState(event.kind(), event.id(), RegistryState.DELETED);
    }

    @EventHandler
    void on(PlanCreatedEvent event) {
        registry.registerPlan(event.planId(), RegistryState.ACTIVE);
    }

    @EventHandler
    void on(PlanSubjectsReplacedEvent event) {
        registry.replacePlanSubjects(event.planId(), subjectIds(event.subjects()));
    }

    @EventHandler
    void on(PlanTrashedEvent event) {
        registry.changePlanState(event.planId(), RegistryState.TRASHED);
    }

    @EventHandler
    void on(PlanRestoredEvent event) {
        registry.changePlanState(event.planId(), RegistryState.ACTIVE);
    }

    @EventHandler
    void on(PlanDeletedEvent event) {
        registry.changePlanState(event.planId(), RegistryState.DELETED);
        registry.replacePlanSubjects(event.planId(), List.of());
    }

    @ResetHandler
    void reset() {
        registry.clear();
    }

    private static List<String> subjectIds(List<PlanSubject> subjects) {
        return subjects.stream().map(PlanSubject::subjectId).toList();
    }
}
