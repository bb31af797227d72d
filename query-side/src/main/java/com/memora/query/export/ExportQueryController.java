package com.memora.query.export;

import com.memora.kernel.error.InvalidInputException;
import com.memora.kernel.error.NotFoundException;
import com.memora.projection.export.cdn.CdnStatus;
import com.memora.projection.export.cdn.CdnStatusStore;
import com.memora.projection.export.cdn.ParityReport;
import com.memora.projection.export.cdn.UploadedFile;
import com.memora.projection.export.publication.CdnDebtState;
import com.memora.projection.export.publication.CdnDebts;
import com.memora.projection.export.publication.OwedSummary;
import com.memora.projection.export.publication.ParityChecks;
import com.memora.projection.export.publication.PublicationProgress;
import com.memora.kernel.id.Identifiers;
import com.memora.kernel.settings.CdnSettings;
import com.memora.projection.export.pipeline.BatchState;
import com.memora.projection.export.pipeline.DirtyPlans;
import com.memora.projection.export.pipeline.PendingPlan;
import com.memora.projection.export.pipeline.PendingRemovals;
import com.memora.projection.export.pipeline.PublicationState;
import com.memora.projection.export.pipeline.PublicationStates;
import com.memora.projection.export.pipeline.PublicationStatus;
import com.memora.projection.export.pipeline.SyncLog;
import com.memora.projection.export.pipeline.SyncLogEntry;
import com.memora.projection.settings.CdnSettingsStore;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The plan export for operators (api.md "Operations"): what waits, what builds, what went wrong. */
@RestController
@RequestMapping("/api/admin/export")
@PreAuthorize("hasRole('ADMIN')")
class ExportQueryController {

    /** How many pending plans and plans per status the queue lists by name; the counts cover all. */
    private static final int LISTED = 100;
    /** Owed publications looked up for the listed plans. */
    private static final int OWED_LISTED = 1_000;

    private final DirtyPlans dirtyPlans;
    private final PendingRemovals removals;
    private final PublicationStates states;
    private final BatchState batchState;
    private final SyncLog syncLog;
    private final CdnSettingsStore settings;
    private final CdnDebts debts;
    private final CdnStatusStore cdnStatus;
    private final PublicationProgress progress;
    private final ParityChecks parityChecks;

    ExportQueryController(DirtyPlans dirtyPlans, PendingRemovals removals, PublicationStates states,
                          BatchState batchState, SyncLog syncLog, CdnSettingsStore settings, CdnDebts debts,
                          CdnStatusStore cdnStatus, PublicationProgress progress, ParityChecks parityChecks) {
        this.dirtyPlans = dirtyPlans;
        this.removals = removals;
        this.states = states;
        this.batchState = batchState;
        this.syncLog = syncLog;
        this.settings = settings;
        this.debts = debts;
        this.cdnStatus = cdnStatus;
        this.progress = progress;
        this.parityChecks = parityChecks;
    }

    @GetMapping("/queue")
    QueueResponse queue() {
        BatchState.Snapshot batch = batchState.read();
        CdnSettings current = settings.current().settings();
        Map<String, OwedSummary> owed = new HashMap<>();
        debts.summaries(null, OWED_LISTED).forEach(summary -> owed.put(summary.planId(), summary));
        Map<CdnDebtState, Long> counts = debts.countByState();
        CdnStatus status = cdnStatus.current();
        return new QueueResponse(
                dirtyPlans.count(),
                dirtyPlans.pending(LISTED),
                listed(PublicationStatus.PROCESSING, owed),
                listed(PublicationStatus.RETRY_WAIT, owed),
                listed(PublicationStatus.DEAD_LETTER, owed),
                listed(PublicationStatus.FAILED, owed),
                counts.get(CdnDebtState.RETRY_WAIT),
                counts.get(CdnDebtState.DEAD_LETTER),
                removals.count(),
                new Cdn(current.enabled(), status.readyFor(current), status.healthy(), status.readinessNote(),
                        counts.values().stream().mapToLong(Long::longValue).sum(), counts,
                        progress.inFlight()),
                new Batch(current.batchIntervalMinutes(), current.batchThreshold(), batch.pausedReason(),
                          batch.pausedSince(), batch.replayRebuildOwed(), batch.replayStartedAt()),
                batch.lastRunStartedAt() == null ? null
                        : new LastRun(batch.lastRunTrigger() == null ? null : batch.lastRunTrigger().name(),
                                      batch.lastRunStartedAt(), batch.lastRunFinishedAt(), batch.lastRunNode(),
                                      batch.lastRunBuilt(), batch.lastRunFailed(), batch.lastRunSkipped()));
    }

    private List<PlanState> listed(PublicationStatus status, Map<String, OwedSummary> owed) {
        return states.inStatus(status, LISTED).stream().map(state -> PlanState.of(state, owed.get(state.planId())))
                     .toList();
    }

    /** One log entry with the hashes of the files its publication uploaded (local MD5 and the CDN's ETag). */
    @GetMapping("/logs/{id}")
    LogEntryResponse log(@PathVariable("id") long id,
                         @RequestParam(name = "files_limit", defaultValue = "1000") @Min(0) @Max(10000)
                         int filesLimit) {
        SyncLogEntry entry = syncLog.find(id).orElseThrow(() -> new NotFoundException("sync log entry",
                                                                                      String.valueOf(id)));
        return new LogEntryResponse(entry, syncLog.uploads(id, filesLimit));
    }

    /** @param uploads the uploaded files, by path, with local MD5 and CDN ETag (up to {@code files_limit}) */
    record LogEntryResponse(SyncLogEntry entry, List<UploadedFile> uploads) {
    }

    /** The latest parity check (local files against the bucket); {@code last_check} is null before the first. */
    @GetMapping("/parity")
    ParityResponse parity() {
        CdnSettings current = settings.current().settings();
        CdnStatus status = cdnStatus.current();
        Optional<ParityChecks.Stored> last = parityChecks.last();
        return new ParityResponse(last.map(ParityChecks.Stored::report).orElse(null),
                                  last.map(ParityChecks.Stored::trigger).orElse(null),
                                  last.map(ParityChecks.Stored::target).orElse(null),
                                  status.readyFor(current), status.readinessNote());
    }

    /**
     * @param lastCheck the report: counts, and the paths missing on the CDN, extra on the CDN and mismatched
     * @param trigger   OPERATOR (POST /api/admin/export/parity) or READINESS (the check that makes the CDN ready)
     * @param target    the endpoint and bucket compared
     * @param cdnReady  the CDN is ready for the bucket in force (O4)
     */
    record ParityResponse(ParityReport lastCheck, String trigger, String target, boolean cdnReady,
                          String readinessNote) {
    }

    @GetMapping("/logs")
    LogsResponse logs(@RequestParam(name = "plan", required = false) @Pattern(regexp = Identifiers.NODE_ID_REGEX,
                                                                          message = "must be a plan id (I1)")
                      String plan,
                      @RequestParam(name = "status", required = false) String status,
                      @RequestParam(name = "limit", defaultValue = "50") @Min(1) @Max(500) int limit) {
        return new LogsResponse(syncLog.recent(plan, status(status), limit));
    }

    private static PublicationStatus status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        return Arrays.stream(PublicationStatus.values()).filter(value -> value.name().equals(status)).findFirst()
                     .orElseThrow(() -> new InvalidInputException(
                             "export-log-filter", "status", "'" + status + "' is not a build status; use one of "
                                                            + Arrays.toString(PublicationStatus.values())));
    }

    /**
     * @param pendingPlans    every plan waiting for a build
     * @param pending         the oldest of them (up to 100)
     * @param building        plans a node is building now
     * @param retryWait       plans waiting for a CDN retry (issue 5), with attempts and the next retry
     * @param deadLetters     plans whose CDN retries ran out (issue 5): attempts, last error, since when
     * @param retryWaitCount  every plan waiting for a CDN retry
     * @param deadLetterCount every dead-lettered plan (retry: POST /api/admin/export/plans/{id}/retry)
     * @param failed          plans whose latest build failed
     * @param pendingRemovals files of trashed or deleted content still to remove
     */
    record QueueResponse(long pendingPlans, List<PendingPlan> pending, List<PlanState> building,
                         List<PlanState> retryWait, List<PlanState> deadLetters, List<PlanState> failed,
                         long retryWaitCount, long deadLetterCount, long pendingRemovals, Cdn cdn, Batch batch,
                         LastRun lastRun) {
    }

    /**
     * A plan's state; for one that owes the CDN something also the retry counter and what is owed.
     *
     * @param attempts      failed CDN publication attempts in a row (8 for a dead letter with the default schedule)
     * @param nextRetryAt   when a plan in RETRY_WAIT is tried again
     * @param lastAttemptAt when the CDN publication last failed
     * @param owedUploads   files the CDN still owes (their local bytes are uploaded by the next attempt)
     * @param owedDeletes   keys still to remove from the bucket
     * @param fullSyncOwed  the whole folder is brought level with the local one at the next attempt
     */
    record PlanState(String planId, String status, long lastBuildNumber, Long version, Long lastLogId,
                     Instant lastBuiltAt, String lastError, Instant since, Integer attempts, Instant nextRetryAt,
                     Instant lastAttemptAt, Long owedUploads, Long owedDeletes, Boolean fullSyncOwed) {

        static PlanState of(PublicationState state, OwedSummary owed) {
            return new PlanState(state.planId(), state.status().name(), state.lastBuildNumber(), state.version(),
                                 state.lastLogId(), state.lastBuiltAt(), state.lastError(), state.updatedAt(),
                                 owed == null ? null : owed.failedAttempts(), owed == null ? null : owed.nextRetryAt(),
                                 owed == null ? null : owed.lastAttemptAt(), owed == null ? null : owed.uploads(),
                                 owed == null ? null : owed.deletes(), owed == null ? null : owed.fullSync());
        }
    }

    /**
     * The CDN side of the queue (issue 5).
     *
     * @param ready          a full upload and a parity check passed for the bucket in force (O4)
     * @param healthy        no run of failed uploads or probes; content URLs fall back to local while false
     * @param plansOwing     plans the CDN owes something (any state)
     * @param owingByState   plans per state: OWED, RETRY_WAIT, DEAD_LETTER, FAILED
     * @param publishing     publications running on this node, file by file
     */
    record Cdn(boolean enabled, boolean ready, boolean healthy, String readinessNote, long plansOwing,
               Map<CdnDebtState, Long> owingByState, List<PublicationProgress.InFlight> publishing) {
    }

    /**
     * @param pausedReason      why builds are paused (low disk, a replay), null while running normally
     * @param replayRebuildOwed a replay of the content model is under way; every plan is built once when it ends
     */
    record Batch(int intervalMinutes, int threshold, String pausedReason, Instant pausedSince,
                 boolean replayRebuildOwed, Instant replayStartedAt) {
    }

    record LastRun(String trigger, Instant startedAt, Instant finishedAt, String node, int plansBuilt,
                   int plansFailed, int plansSkipped) {
    }

    record LogsResponse(List<SyncLogEntry> entries) {
    }
}
