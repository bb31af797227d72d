package com.memora.infra.export;

import com.memora.kernel.error.ConflictException;
import com.memora.kernel.error.NotFoundException;
import com.memora.kernel.id.Identifiers;
import com.memora.projection.export.pipeline.DirtyPlans;
import com.memora.projection.export.pipeline.PendingPlan;
import com.memora.projection.export.pipeline.PublicationState;
import com.memora.projection.export.pipeline.PublicationStates;
import com.memora.projection.export.pipeline.PublicationStatus;
import com.memora.projection.plan.PlanView;
import com.memora.projection.plan.PlanViewStore;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.List;

/**
 * Operator actions on the plan export (api.md "Operations"). A rebuild queues the plan and starts a batch run at
 * once, whatever the interval; the answer comes before the build ends ({@code GET /api/admin/export/logs?plan=}
 * shows it). A retry sends a dead-lettered plan again.
 */
@RestController
@RequestMapping("/api/admin/export")
@PreAuthorize("hasRole('ADMIN')")
class ExportCommandController {

    private final PlanViewStore plans;
    private final DirtyPlans dirtyPlans;
    private final AfterCommitExportWakeUp wakeUp;
    private final PublicationStates states;
    private final Clock clock;

    ExportCommandController(PlanViewStore plans, DirtyPlans dirtyPlans, AfterCommitExportWakeUp wakeUp,
                            PublicationStates states, Clock clock) {
        this.plans = plans;
        this.dirtyPlans = dirtyPlans;
        this.wakeUp = wakeUp;
        this.states = states;
        this.clock = clock;
    }

    @PostMapping("/plans/{id}/rebuild")
    ResponseEntity<RebuildResponse> rebuild(@PathVariable("id") @Pattern(regexp = Identifiers.NODE_ID_REGEX,
                                                                         message = "must be a plan id (I1)")
                                            String id) {
        PlanView plan = plans.find(id).orElseThrow(() -> new NotFoundException("plan", id));
        if (plan.trashed()) {
            throw new ConflictException("plan-trashed", "Plan " + id + " is in the trash: restore it first, which"
                                                        + " builds it again");
        }
        dirtyPlans.mark(List.of(id), "rebuild requested by an operator", true, clock.instant());
        wakeUp.rebuildRequested();
        PendingPlan pending = dirtyPlans.find(id).orElse(null);
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                             .body(new RebuildResponse(id, "QUEUED", pending, "/api/admin/export/logs?plan=" + id));
    }

    /** @param pending the plan's place in the queue; null when the build already consumed it */
    record RebuildResponse(String planId, String status, PendingPlan pending, String logsUrl) {
    }

    /**
     * Sends a dead-lettered plan again (decisions O2, api.md {@code POST /api/admin/export/plans/{id}/retry}); only a
     * dead letter, anything else is a 409.
     * <p>
     * INTERIM (issue 8 branch): until the CDN wiring of issue 5 is merged, nothing here publishes to a CDN, so the
     * retry queues the plan like a rebuild and wakes the pipeline. Issue 5's version of this method (re-publishing
     * the owed files from the staged ones with a fresh retry counter, in a background job) replaces this one at the
     * merge; the path and the 202/404/409 answers are the same.
     */
    @PostMapping("/plans/{id}/retry")
    ResponseEntity<RetryResponse> retry(@PathVariable("id") @Pattern(regexp = Identifiers.NODE_ID_REGEX,
                                                                       message = "must be a plan id (I1)")
                                        String id) {
        PublicationState state = states.find(id).orElseThrow(() -> new NotFoundException("plan", id));
        if (state.status() != PublicationStatus.DEAD_LETTER) {
            throw new ConflictException("export-not-dead-lettered", "Plan " + id + " is " + state.status()
                                        + ": only a dead-lettered CDN publication can be retried by hand (a plan in"
                                        + " RETRY_WAIT is retried on its schedule; rebuild a FAILED plan)");
        }
        dirtyPlans.mark(List.of(id), "retry of a dead letter requested by an operator", true, clock.instant());
        wakeUp.rebuildRequested();
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                             .body(new RetryResponse(id, "QUEUED", state.lastError(),
                                                     "/api/admin/export/logs?plan=" + id));
    }

    /** @param lastError the failure that dead-lettered the plan */
    record RetryResponse(String planId, String status, String lastError, String logsUrl) {
    }
}
