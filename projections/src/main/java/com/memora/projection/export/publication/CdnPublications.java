package com.memora.projection.export.publication;

import com.memora.kernel.error.ConflictException;
import com.memora.kernel.ops.BackgroundJobs;
import com.memora.projection.export.cdn.CdnPublisher;
import com.memora.projection.export.pipeline.BuildResult;
import com.memora.projection.export.pipeline.BuildTrigger;
import com.memora.projection.export.pipeline.ExportLocks;
import com.memora.projection.export.pipeline.PublicationState;
import com.memora.projection.export.pipeline.PublicationStates;
import com.memora.projection.export.pipeline.PublicationStatus;
import com.memora.projection.export.pipeline.SyncLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * CDN publications that are not part of a build (decisions O2, F8): the retries whose time has come, publications a
 * failed or interrupted build left owed, the removal of trashed content, full syncs, and an operator's retry of a
 * dead letter. Each runs under the plan's cluster lock and gets its own sync log entry (trigger {@code RETRY},
 * {@code MANUAL}, {@code REMOVAL} or {@code CDN_SYNC}) with the plan's attempt number, and sets the plan's status.
 * A retry publishes from the staged files as they are, without rebuilding.
 */
@Component
public class CdnPublications {

    /** Plans taken up per tick; the rest are due at the next one. */
    static final int PLANS_PER_TICK = 200;

    private static final Logger log = LoggerFactory.getLogger(CdnPublications.class);

    private final ExportLocks locks;
    private final CdnDebts debts;
    private final CdnPublisher cdn;
    private final PlanPublication publication;
    private final SyncLog syncLog;
    private final PublicationStates states;
    private final BackgroundJobs jobs;
    private final Clock clock;

    public CdnPublications(ExportLocks locks, CdnDebts debts, CdnPublisher cdn, PlanPublication publication,
                           SyncLog syncLog, PublicationStates states, BackgroundJobs jobs, Clock clock) {
        this.locks = locks;
        this.debts = debts;
        this.cdn = cdn;
        this.publication = publication;
        this.syncLog = syncLog;
        this.states = states;
        this.jobs = jobs;
        this.clock = clock;
    }

    /** One plan's result in a tick. */
    public record Outcome(String planId, PublicationStatus status, Long logId, String message) {
    }

    /**
     * The scheduled tick (and tests, with a moved clock): publishes every plan whose retry is due or whose
     * publication was left owed. A plan being built is skipped: its build publishes what it owes.
     */
    public List<Outcome> runDue() {
        List<Outcome> outcomes = new ArrayList<>();
        for (String planId : debts.due(clock.instant(), PLANS_PER_TICK)) {
            Optional<ExportLocks.Held> lock = locks.tryLockPlan(planId);
            if (lock.isEmpty()) {
                outcomes.add(new Outcome(planId, null, null, "locked: a build publishes it"));
                continue;
            }
            try (ExportLocks.Held held = lock.get()) {
                outcomes.add(publishLocked(planId, triggerOf(planId))
                                     .orElse(new Outcome(planId, null, null, "nothing due")));
            } catch (RuntimeException e) {
                // the debt stays recorded: the next tick tries again
                log.warn("CDN publication of plan {} could not run: {}", planId, e.toString());
                outcomes.add(new Outcome(planId, null, null, e.toString()));
            }
        }
        return outcomes;
    }

    /**
     * A full sync owed while no attempt failed yet is the readiness round's (or a removed folder's that could not be
     * published at once); everything else the tick takes up is a retry or a publication left owed.
     */
    private BuildTrigger triggerOf(String planId) {
        return debts.summary(planId)
                    .filter(owed -> owed.state() == CdnDebtState.OWED && owed.fullSync())
                    .map(owed -> BuildTrigger.CDN_SYNC)
                    .orElse(BuildTrigger.RETRY);
    }

    /**
     * Publishes what the plan owes now, unless its publication waits for a retry time or an operator — then only a
     * {@code REMOVAL} sends the owed deletions (F8 does not wait), and the uploads keep waiting. The caller
     * holds the plan's lock.
     *
     * @return the outcome, or empty when nothing was owed or due
     */
    public Optional<Outcome> publishLocked(String planId, BuildTrigger trigger) {
        Optional<OwedPublication> found = debts.find(planId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        OwedPublication owed = found.get();
        Instant now = clock.instant();
        if (!cdn.switchedOn()) {
            // enabling the CDN again resets its readiness, and that queues a full sync of every plan
            debts.forget(planId);
            if (owed.state() != CdnDebtState.OWED) {
                states.published(planId, PublicationStatus.LOCAL_ONLY, null,
                                 "The CDN was disabled; the CDN publication is no longer owed", now);
            }
            return Optional.empty();
        }
        if (owed.waiting(now)) {
            return trigger == BuildTrigger.REMOVAL && publication.owesDeletionsWhileWaiting(owed)
                    ? Optional.of(deleteWhileWaiting(owed, now)) : Optional.empty();
        }
        long buildNumber = states.find(planId).map(PublicationState::lastBuildNumber).orElse(0L);
        long logId = syncLog.startPublication(planId, trigger, reason(owed, trigger), buildNumber,
                                              owed.nextAttempt(), now);
        PublicationAttempt attempt = publication.publish(owed, logId);
        Instant end = clock.instant();
        syncLog.finish(logId, new BuildResult(attempt.status(), List.of(), 0, List.of(), attempt.uploaded().size(),
                                              attempt.syncVerified(), List.of(), attempt.error(),
                                              attempt.nextRetryAt(), attempt.deleted().size(), attempt.attempt()),
                       end);
        states.published(planId, attempt.status(), logId, attempt.error(), end);
        log.info("CDN publication of plan {} ({}, attempt {}): {}, {} uploaded, {} removed", planId, trigger,
                 attempt.attempt(), attempt.status(), attempt.uploaded().size(), attempt.deleted().size());
        return Optional.of(new Outcome(planId, attempt.status(), logId, attempt.error()));
    }

    /**
     * F8 does not wait for the retry schedule: trashed or deleted content leaves the bucket now even while the plan's
     * uploads wait (or are dead-lettered). Logged as a {@code REMOVAL} entry that keeps the plan's status, attempt
     * number and retry time; the plan's state is not changed.
     */
    private Outcome deleteWhileWaiting(OwedPublication owed, Instant now) {
        String planId = owed.planId();
        long buildNumber = states.find(planId).map(PublicationState::lastBuildNumber).orElse(0L);
        long logId = syncLog.startPublication(planId, BuildTrigger.REMOVAL,
                                              "files of trashed or deleted content leave the CDN at once, while the"
                                              + " plan's uploads wait: " + owed.deletes().size() + " deletion(s)"
                                              + (owed.fullSync() ? " and the removed plan's folder" : ""),
                                              buildNumber, owed.failedAttempts(), now);
        PublicationAttempt attempt = publication.deleteWhileWaiting(owed, logId);
        syncLog.finish(logId, new BuildResult(attempt.status(), List.of(), 0, List.of(), 0, null, List.of(),
                                              attempt.error(), attempt.nextRetryAt(), attempt.deleted().size(),
                                              attempt.attempt()),
                       clock.instant());
        log.info("CDN removal for waiting plan {}: {} key(s) removed ({})", planId, attempt.deleted().size(),
                 attempt.error());
        return new Outcome(planId, attempt.status(), logId, attempt.error());
    }

    private static String reason(OwedPublication owed, BuildTrigger trigger) {
        String what = (owed.fullSync() ? "the whole plan folder" : "")
                      + (owed.fullSync() && (!owed.uploads().isEmpty() || !owed.deletes().isEmpty()) ? ", " : "")
                      + (owed.uploads().isEmpty() ? "" : owed.uploads().size() + " upload(s)")
                      + (!owed.uploads().isEmpty() && !owed.deletes().isEmpty() ? ", " : "")
                      + (owed.deletes().isEmpty() ? "" : owed.deletes().size() + " deletion(s)");
        return switch (trigger) {
            case RETRY -> owed.state() == CdnDebtState.RETRY_WAIT
                    ? "retry " + owed.failedAttempts() + " of the CDN publication: " + what
                    : "CDN publication left owed (an interrupted or failed build, or a sync): " + what;
            case MANUAL -> "an operator retried the dead-lettered CDN publication: " + what;
            case REMOVAL -> "files of trashed or deleted content leave the CDN at once: " + what;
            case CDN_SYNC -> "full sync for the CDN's readiness: " + what;
            default -> "CDN publication: " + what;
        };
    }

    /**
     * An operator retries a dead-lettered plan: it is owed again with a fresh counter (a failure now restarts the
     * whole schedule) and published at once in a background job ({@code GET /api/admin/jobs/{id}}). No rebuild: the
     * staged files are published as they are.
     *
     * @throws ConflictException when the plan's publication is not dead-lettered
     */
    public ManualRetry retryDeadLetter(String planId) {
        OwedSummary before = debts.summary(planId).orElse(null);
        Instant now = clock.instant();
        if (before == null || !debts.requeueDeadLetter(planId, now)) {
            String state = before == null ? "owes the CDN nothing" : "is " + before.state();
            throw new ConflictException("export-not-dead-lettered",
                                        "Plan " + planId + " " + state + ": only a dead-lettered CDN publication can be"
                                        + " retried by hand (a plan in RETRY_WAIT is retried on its schedule; rebuild"
                                        + " a FAILED plan)");
        }
        states.published(planId, PublicationStatus.QUEUED, null, "An operator retried the dead-lettered CDN"
                                                                 + " publication", now);
        UUID job = jobs.submit("export-cdn-retry", "Retry of the CDN publication of plan " + planId, progress -> {
            progress.update(0, 1, "publishing what plan " + planId + " owes the CDN");
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("plan_id", planId);
            Optional<ExportLocks.Held> lock = locks.tryLockPlan(planId);
            if (lock.isEmpty()) {
                result.put("status", PublicationStatus.QUEUED.name());
                result.put("message", "the plan is being built; its build publishes what it owes");
                return result;
            }
            try (ExportLocks.Held held = lock.get()) {
                Optional<Outcome> outcome = publishLocked(planId, BuildTrigger.MANUAL);
                result.put("status", outcome.map(o -> String.valueOf(o.status())).orElse("SUCCESS"));
                outcome.map(Outcome::logId).ifPresent(id -> result.put("log_id", id));
                outcome.map(Outcome::message).ifPresent(message -> result.put("error", message));
            }
            progress.update(1, 1, "done");
            return result;
        });
        return new ManualRetry(planId, before.failedAttempts(), before.lastError(), job);
    }

    /** An accepted manual retry: what the dead letter was, and the job that publishes. */
    public record ManualRetry(String planId, int attemptsBefore, String lastError, UUID jobId) {
    }
}
