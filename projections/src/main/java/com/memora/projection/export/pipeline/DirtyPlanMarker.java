package com.memora.projection.export.pipeline;

import com.memora.kernel.content.ContentNodeDeletedEvent;
import com.memora.kernel.content.ContentNodeEvent;
import com.memora.kernel.content.ContentNodeTrashedEvent;
import com.memora.kernel.plan.PlanDeletedEvent;
import com.memora.kernel.plan.PlanEvent;
import com.memora.kernel.plan.PlanTrashedEvent;
import com.memora.projection.content.ContentNodeProjection;
import com.memora.projection.content.ContentViewStore;
import com.memora.projection.export.files.ExportPaths;
import com.memora.projection.plan.PlanViewStore;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Marks the plans whose output an event may change (decisions D6), in processing group
 * {@value ContentNodeProjection#PROCESSING_GROUP} — the group of the content read model, on one segment — so every
 * mark commits in the same transaction as the model change it refers to and a build never reads a model behind
 * its marks (R1).
 * <p>
 * A content event marks the plans listing the subjects at the roots of its ancestor chains, both chains for a move
 * or delete; a plan event marks its plan. A trash or delete also queues the removal of the node's files (and those
 * of its sub-tree, which becomes invisible with it) from every affected plan, or of a plan's whole folder, to be
 * applied as soon as this transaction commits (F8).
 * <p>
 * Marks and removals are side effects outside the read model, so the handlers do not run during a replay (R3); the
 * reset instead records that every plan is built once when the replay ends (R2).
 */
@Component
@ProcessingGroup(ContentNodeProjection.PROCESSING_GROUP)
public class DirtyPlanMarker {

    private final PlanViewStore plans;
    private final ContentViewStore content;
    private final DirtyPlans dirtyPlans;
    private final PendingRemovals removals;
    private final ReplayRebuilds replayRebuilds;
    private final ExportWakeUp wakeUp;
    private final Clock clock;

    public DirtyPlanMarker(PlanViewStore plans, ContentViewStore content, DirtyPlans dirtyPlans,
                           PendingRemovals removals, ReplayRebuilds replayRebuilds, ExportWakeUp wakeUp,
                           Clock clock) {
        this.plans = plans;
        this.content = content;
        this.dirtyPlans = dirtyPlans;
        this.removals = removals;
        this.replayRebuilds = replayRebuilds;
        this.wakeUp = wakeUp;
        this.clock = clock;
    }

    @DisallowReplay
    @EventHandler
    void on(ContentNodeEvent event) {
        mark(plansOf(event), describe(event, verb(event)));
    }

    /** The node and its sub-tree leave every plan at once; the plans are rebuilt at the next batch (F8). */
    @DisallowReplay
    @EventHandler
    void on(ContentNodeTrashedEvent event) {
        removeNodeFiles(event, "trashed");
    }

    @DisallowReplay
    @EventHandler
    void on(ContentNodeDeletedEvent event) {
        removeNodeFiles(event, "deleted for good");
    }

    @DisallowReplay
    @EventHandler
    void on(PlanEvent event) {
        mark(List.of(event.planId()), "plan '" + event.planId() + "' " + verb(event));
    }

    /** A trashed plan leaves the published content until it is restored; its folder goes at once. */
    @DisallowReplay
    @EventHandler
    void on(PlanTrashedEvent event) {
        removePlanFolder(event.planId(), "plan '" + event.planId() + "' trashed");
    }

    @DisallowReplay
    @EventHandler
    void on(PlanDeletedEvent event) {
        removePlanFolder(event.planId(), "plan '" + event.planId() + "' deleted for good");
    }

    /** The read model is being rebuilt: no marks meanwhile, every plan built once when the replay ends (R2). */
    @ResetHandler
    void onReset() {
        replayRebuilds.owe(clock.instant());
    }

    private List<String> plansOf(ContentNodeEvent event) {
        return plans.planIdsListing(event.affectedSubjectIds());
    }

    private void removeNodeFiles(ContentNodeEvent event, String verb) {
        String reason = describe(event, verb);
        Map<String, Long> marked = mark(plansOf(event), reason);
        if (marked.isEmpty()) {
            return;
        }
        var descendants = content.descendants(event.kind(), event.id());
        Instant now = clock.instant();
        marked.forEach((planId, seq) -> removals.queue(
                planId, seq, NodeFiles.of(planId, event.kind(), event.id(), descendants), reason, now));
    }

    private void removePlanFolder(String planId, String reason) {
        Map<String, Long> marked = mark(List.of(planId), reason);
        removals.queue(planId, marked.get(planId), List.of(Removal.folder(ExportPaths.planFolder(planId))), reason,
                       clock.instant());
    }

    private Map<String, Long> mark(List<String> planIds, String reason) {
        if (planIds.isEmpty()) {
            return Map.of();
        }
        Map<String, Long> marked = dirtyPlans.mark(planIds, reason, false, clock.instant());
        wakeUp.changesRecorded();
        return marked;
    }

    private static String describe(ContentNodeEvent event, String verb) {
        return event.kind().singular() + " '" + event.id() + "' " + verb;
    }

    /** {@code ContentNodeMovedEvent} → {@code moved}, {@code PlanOverrideAddedEvent} → {@code override added}. */
    static String verb(Object event) {
        String name = event.getClass().getSimpleName().replaceFirst("^(ContentNode|Plan)", "")
                           .replaceFirst("Event$", "");
        return name.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
    }
}
