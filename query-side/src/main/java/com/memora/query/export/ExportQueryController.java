package com.memora.query.export;

import com.memora.kernel.error.InvalidInputException;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** The plan export for operators (api.md "Operations"): what waits, what builds, what went wrong. */
@RestController
@RequestMapping("/api/admin/export")
@PreAuthorize("hasRole('ADMIN')")
class ExportQueryController {

    /** How many pending plans and plans per status the queue lists by name; the counts cover all. */
    private static final int LISTED = 100;

    private final DirtyPlans dirtyPlans;
    private final PendingRemovals removals;
    private final PublicationStates states;
    private final BatchState batchState;
    private final SyncLog syncLog;
    private final CdnSettingsStore settings;

    ExportQueryController(DirtyPlans dirtyPlans, PendingRemovals removals, PublicationStates states,
                          BatchState batchState, SyncLog syncLog, CdnSettingsStore settings) {
        this.dirtyPlans = dirtyPlans;
        this.removals = removals;
        this.states = states;
        this.batchState = batchState;
        this.syncLog = syncLog;
        this.settings = settings;
    }

    @GetMapping("/queue")
    QueueResponse queue() {
        BatchState.Snapshot batch = batchState.read();
        CdnSettings current = settings.current().settings();
        return new QueueResponse(
                dirtyPlans.count(),
                dirtyPlans.pending(LISTED),
                states.inStatus(PublicationStatus.PROCESSING, LISTED).stream().map(PlanState::of).toList(),
                states.inStatus(PublicationStatus.RETRY_WAIT, LISTED).stream().map(PlanState::of).toList(),
                states.inStatus(PublicationStatus.DEAD_LETTER, LISTED).stream().map(PlanState::of).toList(),
                states.inStatus(PublicationStatus.FAILED, LISTED).stream().map(PlanState::of).toList(),
                removals.count(),
                new Batch(current.batchIntervalMinutes(), current.batchThreshold(), batch.pausedReason(),
                          batch.pausedSince(), batch.replayRebuildOwed(), batch.replayStartedAt()),
                batch.lastRunStartedAt() == null ? null
                        : new LastRun(batch.lastRunTrigger() == null ? null : batch.lastRunTrigger().name(),
                                      batch.lastRunStartedAt(), batch.lastRunFinishedAt(), batch.lastRunNode(),
                                      batch.lastRunBuilt(), batch.lastRunFailed(), batch.lastRunSkipped()));
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
     * @param retryWait       plans waiting for a CDN retry (issue 5)
     * @param deadLetters     plans whose CDN retries ran out (issue 5)
     * @param failed          plans whose latest build failed
     * @param pendingRemovals files of trashed or deleted content still to remove
     */
    record QueueResponse(long pendingPlans, List<PendingPlan> pending, List<PlanState> building,
                         List<PlanState> retryWait, List<PlanState> deadLetters, List<PlanState> failed,
                         long pendingRemovals, Batch batch, LastRun lastRun) {
    }

    record PlanState(String planId, String status, long lastBuildNumber, Long version, Long lastLogId,
                     Instant lastBuiltAt, String lastError, Instant since) {

        static PlanState of(PublicationState state) {
            return new PlanState(state.planId(), state.status().name(), state.lastBuildNumber(), state.version(),
                                 state.lastLogId(), state.lastBuiltAt(), state.lastError(), state.updatedAt());
        }
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
