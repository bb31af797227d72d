package com.memora.infra.export;

import com.memora.kernel.error.ConflictException;
import com.memora.kernel.error.NotFoundException;
import com.memora.kernel.id.Identifiers;
import com.memora.kernel.ops.BackgroundJobs;
import com.memora.projection.export.cdn.CdnPublisher;
import com.memora.projection.export.cdn.ParityReport;
import com.memora.projection.export.pipeline.DirtyPlans;
import com.memora.projection.export.pipeline.PendingPlan;
import com.memora.projection.export.publication.CdnDebts;
import com.memora.projection.export.publication.CdnPublications;
import com.memora.projection.export.publication.CdnReadiness;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Operator actions on the plan export (api.md "Operations"). A rebuild queues the plan and starts a batch run at
 * once, whatever the interval; the answer comes before the build ends ({@code GET /api/admin/export/logs?plan=}
 * shows it). A retry publishes a dead-lettered plan's owed files again, without rebuilding, in a background job; a
 * parity check compares every local file with the bucket in a background job ({@code GET /api/admin/export/parity}
 * shows the result).
 */
@RestController
@RequestMapping("/api/admin/export")
@PreAuthorize("hasRole('ADMIN')")
class ExportCommandController {

    private final PlanViewStore plans;
    private final DirtyPlans dirtyPlans;
    private final AfterCommitExportWakeUp wakeUp;
    private final CdnPublications publications;
    private final CdnDebts debts;
    private final CdnPublisher cdn;
    private final CdnReadiness readiness;
    private final BackgroundJobs jobs;
    private final Clock clock;

    ExportCommandController(PlanViewStore plans, DirtyPlans dirtyPlans, AfterCommitExportWakeUp wakeUp,
                            CdnPublications publications, CdnDebts debts, CdnPublisher cdn, CdnReadiness readiness,
                            BackgroundJobs jobs, Clock clock) {
        this.plans = plans;
        this.dirtyPlans = dirtyPlans;
        this.wakeUp = wakeUp;
        this.publications = publications;
        this.debts = debts;
        this.cdn = cdn;
        this.readiness = readiness;
        this.jobs = jobs;
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
     * Retries a dead-lettered plan's CDN publication (decisions O2): everything it owes, from the staged files, with
     * a fresh retry counter. Only a dead letter: anything else is a 409 (a plan in {@code RETRY_WAIT} is retried on
     * its schedule, a {@code FAILED} one by a rebuild).
     */
    @PostMapping("/plans/{id}/retry")
    ResponseEntity<RetryResponse> retry(@PathVariable("id") @Pattern(regexp = Identifiers.NODE_ID_REGEX,
                                                                       message = "must be a plan id (I1)")
                                        String id) {
        if (plans.find(id).isEmpty() && debts.summary(id).isEmpty()) {
            throw new NotFoundException("plan", id);
        }
        CdnPublications.ManualRetry retry = publications.retryDeadLetter(id);
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                             .body(new RetryResponse(id, "QUEUED", retry.attemptsBefore(), retry.lastError(),
                                                     retry.jobId(), "/api/admin/jobs/" + retry.jobId(),
                                                     "/api/admin/export/logs?plan=" + id));
    }

    /**
     * @param attemptsBefore the failed attempts that dead-lettered the plan
     * @param lastError      the failure that ended the schedule
     */
    record RetryResponse(String planId, String status, int attemptsBefore, String lastError, UUID jobId,
                         String statusUrl, String logsUrl) {
    }

    /** Runs a parity check of every local file against the bucket now, in a background job. */
    @PostMapping("/parity")
    ResponseEntity<ParityJobResponse> parity() {
        if (!cdn.enabled()) {
            throw new ConflictException("cdn-disabled", "The CDN is disabled or its settings name no endpoint, bucket"
                                                        + " or keys (PUT /api/settings/cdn): there is no bucket to"
                                                        + " compare the local files with");
        }
        UUID job = jobs.submit("export-parity", "Parity check: every local file's MD5 against the bucket",
                               progress -> {
            progress.update(0, -1, "listing the bucket and hashing every local file");
            ParityReport report = readiness.checkParity(CdnReadiness.OPERATOR);
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("clean", report.clean());
            result.put("local_files", report.localFiles());
            result.put("cdn_objects", report.cdnObjects());
            result.put("missing_on_cdn", report.missingOnCdnCount());
            result.put("extra_on_cdn", report.extraOnCdnCount());
            result.put("mismatched", report.mismatchedCount());
            progress.update(report.localFiles(), report.localFiles(), "compared");
            return result;
        });
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                             .body(new ParityJobResponse(job, "/api/admin/jobs/" + job, "/api/admin/export/parity"));
    }

    record ParityJobResponse(UUID jobId, String statusUrl, String parityUrl) {
    }
}
