package com.memora.projection.export.pipeline;

import com.memora.kernel.ops.Alerts;
import com.memora.kernel.settings.CdnSettings;
import com.memora.projection.export.staging.InsufficientDiskSpaceException;
import com.memora.projection.export.staging.LocalContentStore;
import com.memora.projection.settings.CdnSettingsStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The batch processor (decisions O1): builds the pending plans, oldest mark first, when a run is due — the CDN
 * settings' {@code batch_interval_minutes} passed since the last run, or {@code batch_threshold} plans are pending,
 * or an operator asked. One run at a time in the whole cluster (a cluster-wide lock; the scheduler that calls it
 * is itself a ShedLock job). A plan that is locked, fails transiently or is paused stays pending; it is never lost.
 * <p>
 * While the content model replays, nothing is built; when the replay has ended the run marks every plan once and
 * builds them (R2). Below the minimum free disk nothing is written, an alert is raised and the run stops (O5);
 * the next run resumes by itself.
 */
@Component
public class ExportBatch {

    private static final Logger log = LoggerFactory.getLogger(ExportBatch.class);

    /** A bound on one run; the next run takes up the rest (with that many pending, the threshold makes it due). */
    static final int MAX_PLANS_PER_RUN = 500;
    static final String REPLAY_PAUSE = "The content model is replaying; builds resume once it has caught up"
                                       + " (decisions R2)";

    private final DirtyPlans dirtyPlans;
    private final ReplayRebuilds replayRebuilds;
    private final BatchState batchState;
    private final CdnSettingsStore settings;
    private final ExportLocks locks;
    private final PlanExporter exporter;
    private final RemovalApplier removals;
    private final LocalContentStore store;
    private final Alerts alerts;
    private final Clock clock;

    public ExportBatch(DirtyPlans dirtyPlans, ReplayRebuilds replayRebuilds, BatchState batchState,
                       CdnSettingsStore settings, ExportLocks locks, PlanExporter exporter, RemovalApplier removals,
                       LocalContentStore store, Alerts alerts, Clock clock) {
        this.dirtyPlans = dirtyPlans;
        this.replayRebuilds = replayRebuilds;
        this.batchState = batchState;
        this.settings = settings;
        this.locks = locks;
        this.exporter = exporter;
        this.removals = removals;
        this.store = store;
        this.alerts = alerts;
        this.clock = clock;
    }

    /** A scheduler tick or a wake-up after a change: builds when a run is due. */
    public BatchRun runIfDue() {
        return run(false);
    }

    /** Builds whatever is pending now, whatever the interval (an operator's rebuild). */
    public BatchRun runNow() {
        return run(true);
    }

    private BatchRun run(boolean now) {
        Optional<ExportLocks.Held> lock = locks.tryLockBatch();
        if (lock.isEmpty()) {
            return BatchRun.of(BatchRun.Result.BUSY, "another node or thread is running the batch");
        }
        try (ExportLocks.Held held = lock.get()) {
            return runLocked(now);
        }
    }

    private BatchRun runLocked(boolean now) {
        removals.applyAll();
        BuildTrigger trigger = now ? BuildTrigger.MANUAL : null;
        if (replayRebuilds.owed()) {
            if (replayRebuilds.contentReplaying()) {
                batchState.paused(REPLAY_PAUSE, clock.instant());
                return BatchRun.of(BatchRun.Result.PAUSED, REPLAY_PAUSE);
            }
            int marked = replayRebuilds.settle("content model replayed: every plan is built once", clock.instant());
            if (marked >= 0) {
                log.info("The content replay has ended: {} plan(s) queued for one build each", marked);
                trigger = BuildTrigger.REPLAY;
            }
        }
        long pending = dirtyPlans.count();
        if (pending == 0) {
            if (!lowDisk()) {
                batchState.resumed(); // nothing waits and nothing holds generation back
            } // else the disk watch's pause stays: generation stays paused until space is back (O5)
            return BatchRun.of(BatchRun.Result.IDLE, "nothing is pending");
        }
        if (trigger == null) {
            trigger = dueTrigger(pending);
            if (trigger == null) {
                return BatchRun.of(BatchRun.Result.NOT_DUE, pending + " plan(s) wait for the batch interval");
            }
        }
        try {
            store.requireFreeSpace();
        } catch (InsufficientDiskSpaceException e) {
            ExportAlerts.lowDisk(alerts, e);
            batchState.paused(e.getMessage(), clock.instant());
            return BatchRun.of(BatchRun.Result.PAUSED, e.getMessage());
        }
        return build(trigger);
    }

    private boolean lowDisk() {
        try {
            store.requireFreeSpace();
            return false;
        } catch (InsufficientDiskSpaceException e) {
            return true;
        }
    }

    /**
     * MANUAL when an operator asked for a pending plan (a request that found the batch busy is not lost: the next
     * tick takes it up), THRESHOLD when enough plans wait, SCHEDULER when the interval has passed, else null.
     */
    private BuildTrigger dueTrigger(long pending) {
        if (dirtyPlans.anyManual()) {
            return BuildTrigger.MANUAL;
        }
        CdnSettings current = settings.current().settings();
        if (pending >= Math.max(1, current.batchThreshold())) {
            return BuildTrigger.THRESHOLD;
        }
        Instant lastRun = batchState.read().lastRunStartedAt();
        Duration interval = Duration.ofMinutes(Math.max(1, current.batchIntervalMinutes()));
        return lastRun == null || !clock.instant().isBefore(lastRun.plus(interval)) ? BuildTrigger.SCHEDULER : null;
    }

    private BatchRun build(BuildTrigger trigger) {
        batchState.runStarted(trigger, clock.instant());
        List<PlanBuildOutcome> outcomes = new ArrayList<>();
        String pausedFor = null;
        for (PendingPlan plan : dirtyPlans.pending(MAX_PLANS_PER_RUN)) {
            PlanBuildOutcome outcome = buildOne(plan.planId(), trigger);
            outcomes.add(outcome);
            if (outcome.kind().paused()) {
                pausedFor = outcome.kind() == PlanBuildOutcome.Kind.PAUSED_REPLAY ? REPLAY_PAUSE : outcome.message();
                break;
            }
        }
        int built = count(outcomes, PlanBuildOutcome.Kind.BUILT);
        int failed = count(outcomes, PlanBuildOutcome.Kind.FAILED);
        int skipped = count(outcomes, PlanBuildOutcome.Kind.LOCKED);
        batchState.runFinished(built, failed, skipped, clock.instant());
        if (pausedFor != null) {
            batchState.paused(pausedFor, clock.instant());
            return new BatchRun(BatchRun.Result.PAUSED, trigger, outcomes, pausedFor);
        }
        batchState.resumed();
        return new BatchRun(BatchRun.Result.RAN, trigger, outcomes, null);
    }

    /** One plan's trouble (a lost connection while reading it, say) never stops the others; it stays pending. */
    private PlanBuildOutcome buildOne(String planId, BuildTrigger trigger) {
        try {
            return exporter.build(planId, trigger);
        } catch (RuntimeException e) {
            log.warn("Could not build plan {}; it stays pending: {}", planId, e.toString());
            return new PlanBuildOutcome(planId, PlanBuildOutcome.Kind.FAILED, null, null, e.toString());
        }
    }

    private static int count(List<PlanBuildOutcome> outcomes, PlanBuildOutcome.Kind kind) {
        return (int) outcomes.stream().filter(outcome -> outcome.kind() == kind).count();
    }
}
