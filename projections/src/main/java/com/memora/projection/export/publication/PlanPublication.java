package com.memora.projection.export.publication;

import com.memora.kernel.ops.Alert;
import com.memora.kernel.ops.AlertSeverity;
import com.memora.kernel.ops.Alerts;
import com.memora.kernel.ops.OperationsMetrics;
import com.memora.projection.export.cdn.CdnFailureKind;
import com.memora.projection.export.cdn.CdnPublishException;
import com.memora.projection.export.cdn.CdnPublisher;
import com.memora.projection.export.cdn.Md5;
import com.memora.projection.export.cdn.PublishProgress;
import com.memora.projection.export.cdn.RemoteObject;
import com.memora.projection.export.cdn.RetryDecision;
import com.memora.projection.export.cdn.RetrySchedule;
import com.memora.projection.export.cdn.StagedFiles;
import com.memora.projection.export.cdn.UploadedFile;
import com.memora.projection.export.files.ExportPaths;
import com.memora.projection.export.pipeline.PublicationStatus;
import com.memora.projection.export.pipeline.SyncLog;
import com.memora.projection.export.staging.ContentFile;
import com.memora.projection.export.staging.LocalContentStore;
import com.memora.projection.plan.PlanViewStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Publishes everything the CDN owes one plan, and moves the plan through the retry states of decisions O2. The
 * caller holds the plan's cluster lock and has opened the sync log entry.
 * <ol>
 *     <li>Uploads the owed paths from their local bytes (O3, read now: several builds' changes go up as one), bottom-up
 *     (F3), each verified against its MD5 (a path no longer on disk is deleted instead); then deletes the owed keys.
 *     For a full sync, lists the plan's folder once, uploads every local file the bucket lacks or holds other bytes
 *     of, and deletes every object that is not local (a removed plan's whole folder, by its prefix with the
 *     trailing slash).</li>
 *     <li>Success: forgets what it published (and only that), records the hashes, purges the changed URLs (later,
 *     off the lock), {@code SUCCESS}.</li>
 *     <li>Transient failure: the files verified before it are no longer owed; the plan's counter grows and the
 *     {@link RetrySchedule} gives the next attempt's time ({@code RETRY_WAIT}) or, after the last retry,
 *     {@code DEAD_LETTER} with an alert (in-app and mail, de-duplicated).</li>
 *     <li>Permanent failure: {@code FAILED} with the reason and an alert; everything stays owed for the plan's next
 *     build or rebuild.</li>
 * </ol>
 */
@Component
public class PlanPublication {

    static final String DEAD_LETTER_ALERT = "export-dead-letter";
    static final String FAILED_ALERT = "cdn-publication-failed";

    private static final Logger log = LoggerFactory.getLogger(PlanPublication.class);

    private final CdnPublisher cdn;
    private final CdnDebts debts;
    private final LocalContentStore store;
    private final RetrySchedule schedule;
    private final SyncLog syncLog;
    private final PurgeAfterPublication purges;
    private final PublicationProgress progress;
    private final Alerts alerts;
    private final OperationsMetrics metrics;
    private final PlanViewStore plans;
    private final Clock clock;

    public PlanPublication(CdnPublisher cdn, CdnDebts debts, LocalContentStore store, RetrySchedule schedule,
                           SyncLog syncLog, PurgeAfterPublication purges, PublicationProgress progress, Alerts alerts,
                           OperationsMetrics metrics, PlanViewStore plans, Clock clock) {
        this.metrics = metrics;
        this.plans = plans;
        this.cdn = cdn;
        this.debts = debts;
        this.store = store;
        this.schedule = schedule;
        this.syncLog = syncLog;
        this.purges = purges;
        this.progress = progress;
        this.alerts = alerts;
        this.clock = clock;
    }

    /** The caller holds the plan's lock; {@code logId} is the entry this attempt is recorded on. */
    public PublicationAttempt publish(OwedPublication owed, long logId) {
        String planId = owed.planId();
        int attempt = owed.nextAttempt();
        List<UploadedFile> uploaded = new ArrayList<>();
        List<String> deleted = new ArrayList<>();
        PublishProgress tracker = progress.track(planId, clock.instant());
        try {
            if (owed.fullSync()) {
                syncFolder(planId, uploaded, deleted, tracker);
            } else {
                publishOwedPaths(owed, uploaded, deleted, tracker);
            }
        } catch (CdnPublishException failure) {
            return failed(owed, logId, attempt, failure, uploaded, deleted);
        } finally {
            progress.finished(planId);
        }
        debts.settled(planId, owed.upToSeq(), clock.instant());
        // the plan is published again: a later dead letter or permanent failure of it is news, mailed at once
        alerts.resolve(DEAD_LETTER_ALERT + ":" + planId);
        alerts.resolve(FAILED_ALERT + ":" + planId);
        syncLog.recordUploads(logId, uploaded);
        purges.purgeLater(logId, changedPaths(uploaded, deleted));
        return new PublicationAttempt(PublicationStatus.SUCCESS, attempt, uploaded, deleted, null, null);
    }

    /**
     * Whether the plan owes deletions that may go out while it waits for a retry or an operator (F8: trashed or
     * deleted content leaves the bucket at once): owed keys, or a removed plan's whole folder.
     */
    public boolean owesDeletionsWhileWaiting(OwedPublication owed) {
        return !owed.deletes().isEmpty() || removedFolder(owed);
    }

    private boolean removedFolder(OwedPublication owed) {
        return owed.fullSync() && store.list(ExportPaths.planFolder(owed.planId())).isEmpty()
               && plans.find(owed.planId()).filter(plan -> !plan.trashed()).isEmpty();
    }

    /**
     * Sends the owed deletions of a plan that waits for a retry or an operator, without touching its state, counter
     * or retry time: only uploads follow the schedule. A failure leaves the keys owed for the retry.
     *
     * @return the attempt with the plan's waiting status, the keys removed, and a note (or the failure)
     */
    public PublicationAttempt deleteWhileWaiting(OwedPublication owed, long logId) {
        PublicationStatus waiting = owed.state() == CdnDebtState.DEAD_LETTER ? PublicationStatus.DEAD_LETTER
                : PublicationStatus.RETRY_WAIT;
        String uploadsWait = owed.state() == CdnDebtState.DEAD_LETTER ? "uploads wait for an operator's retry"
                : "uploads wait for the retry at " + owed.nextRetryAt();
        List<String> deleted = new ArrayList<>();
        boolean folder = removedFolder(owed);
        try {
            if (folder) {
                deleted.addAll(cdn.deletePlan(owed.planId()).deleted());
            }
            if (!owed.deletes().isEmpty()) {
                deleted.addAll(cdn.delete(owed.deletes()).deleted());
            }
        } catch (CdnPublishException failure) {
            purges.purgeLater(logId, deleted);
            return new PublicationAttempt(waiting, owed.failedAttempts(), List.of(), deleted,
                                          "Removal while the publication waits could not reach the CDN: "
                                          + failure.getMessage() + "; the keys stay owed and " + uploadsWait,
                                          owed.nextRetryAt());
        }
        debts.removedWhileWaiting(owed.planId(), owed.deletes(), folder, owed.upToSeq());
        purges.purgeLater(logId, deleted);
        return new PublicationAttempt(waiting, owed.failedAttempts(), List.of(), deleted,
                                      deleted.size() + " key(s) removed from the CDN at once; " + uploadsWait
                                      + ". Last error: " + owed.lastError(), owed.nextRetryAt());
    }

    private void publishOwedPaths(OwedPublication owed, List<UploadedFile> uploaded, List<String> deleted,
                                  PublishProgress tracker) {
        StagedFiles staged = StagedFiles.read(store, owed.uploads());
        if (!staged.missing().isEmpty() && store.list(ExportPaths.planFolder(owed.planId())).isEmpty()) {
            requireRemoved(owed.planId()); // missing files of a live plan with no local folder: a missing volume
        }
        upload(staged.files(), uploaded, tracker);
        // a path written by one build and removed by a later one is no longer local: it leaves the bucket too
        LinkedHashSet<String> deletes = new LinkedHashSet<>(owed.deletes());
        deletes.addAll(staged.missing());
        if (!deletes.isEmpty()) {
            deleted.addAll(cdn.delete(deletes).deleted());
        }
    }

    /** The plan's folder in the bucket becomes exactly the local one: one listing, then only what differs. */
    private void syncFolder(String planId, List<UploadedFile> uploaded, List<String> deleted,
                            PublishProgress tracker) {
        String folder = ExportPaths.planFolder(planId);
        List<String> localPaths = store.list(folder);
        if (localPaths.isEmpty()) {
            requireRemoved(planId);
            deleted.addAll(cdn.deletePlan(planId).deleted()); // prefix plans/{id}/, ≤ 1,000 keys per request
            return;
        }
        Map<String, String> remote = new HashMap<>();
        for (RemoteObject object : cdn.list(folder + "/")) {
            remote.put(object.key(), object.etag());
        }
        StagedFiles staged = StagedFiles.read(store, localPaths);
        List<ContentFile> differing = staged.files().stream()
                                            .filter(file -> !Md5.hex(file.bytes()).equals(remote.get(file.path())))
                                            .toList();
        upload(differing, uploaded, tracker);
        Set<String> local = new HashSet<>();
        staged.files().forEach(file -> local.add(file.path()));
        List<String> extra = remote.keySet().stream().filter(key -> !local.contains(key)).sorted().toList();
        if (!extra.isEmpty()) {
            deleted.addAll(cdn.delete(extra).deleted());
        }
    }

    /**
     * A live plan (present and not in the trash) always has local files once built, so an empty or missing local
     * folder means the content root is not what it should be (a shared volume not mounted, a wrong path) — never a
     * reason to empty the plan's folder in the bucket, which would take the plan off the CDN for every user.
     */
    private void requireRemoved(String planId) {
        boolean live = plans.find(planId).filter(plan -> !plan.trashed()).isPresent();
        if (live) {
            throw new CdnPublishException(CdnFailureKind.PERMANENT, ExportPaths.planFolder(planId),
                                          "The local folder " + ExportPaths.planFolder(planId) + " of live plan " + planId
                                          + " is empty or missing (is the content volume mounted?); its files in the"
                                          + " bucket are kept, nothing was deleted", null);
        }
    }

    private void upload(List<ContentFile> files, List<UploadedFile> uploaded, PublishProgress tracker) {
        if (files.isEmpty()) {
            return;
        }
        try {
            uploaded.addAll(cdn.upload(files, tracker).uploaded());
        } catch (CdnPublishException failure) {
            uploaded.addAll(failure.completed());
            throw failure;
        }
    }

    private PublicationAttempt failed(OwedPublication owed, long logId, int attempt, CdnPublishException failure,
                                      List<UploadedFile> uploaded, List<String> deleted) {
        String planId = owed.planId();
        Instant now = clock.instant();
        List<String> done = uploaded.stream().map(UploadedFile::path).toList();
        debts.uploaded(planId, done, owed.upToSeq()); // a retry sends only what is still missing
        syncLog.recordUploads(logId, uploaded);
        purges.purgeLater(logId, changedPaths(uploaded, deleted));
        String reason = failure.getMessage() + (done.isEmpty() ? "" : " (" + done.size()
                                                                      + " file(s) were uploaded and verified before it)");
        if (!failure.isTransient()) {
            String error = "Permanent CDN failure: " + reason + ". Everything stays owed; the next build or rebuild"
                           + " of the plan publishes it";
            debts.failed(planId, CdnDebtState.FAILED, 0, null, error, logId, now);
            alerts.raise(Alert.of(FAILED_ALERT, AlertSeverity.WARNING, planId,
                                  "The CDN publication of plan " + planId + " failed permanently: " + reason
                                  + ". Local files are current; fix the CDN settings or the bucket, then rebuild the"
                                  + " plan (POST /api/admin/export/plans/" + planId + "/rebuild)."));
            log.warn("CDN publication of plan {} failed permanently: {}", planId, reason);
            return new PublicationAttempt(PublicationStatus.FAILED, attempt, uploaded, deleted, error, null);
        }
        RetryDecision decision = schedule.afterFailure(attempt);
        if (decision instanceof RetryDecision.RetryAt retry) {
            String error = "Attempt " + attempt + " failed: " + reason + "; retry " + retry.retryNumber() + " of "
                           + schedule.maxRetries() + " at " + retry.at();
            debts.failed(planId, CdnDebtState.RETRY_WAIT, attempt, retry.at(), error, logId, now);
            log.info("CDN publication of plan {} failed (attempt {}), retry at {}: {}", planId, attempt, retry.at(),
                     reason);
            metrics.publicationRetryScheduled();
            return new PublicationAttempt(PublicationStatus.RETRY_WAIT, attempt, uploaded, deleted, error,
                                          retry.at());
        }
        String error = "Dead letter after " + attempt + " attempts (" + schedule.maxRetries() + " retries): " + reason;
        debts.failed(planId, CdnDebtState.DEAD_LETTER, attempt, null, error, logId, now);
        alerts.raise(Alert.of(DEAD_LETTER_ALERT, AlertSeverity.CRITICAL, planId,
                              "The CDN publication of plan " + planId + " failed "
                              + attempt + " times in a row over about "
                              + Math.round(schedule.totalDelay().toSeconds() / 60.0) + " minutes; last error: "
                              + reason + ". The local files are current and served by the local origin. Once the"
                              + " CDN answers, retry: POST /api/admin/export/plans/" + planId
                              + "/retry.")
                                   .withMailSubject("[Memora] CDN Sync Failed: " + planId + " (Dead Letter)"));
        log.warn("CDN publication of plan {} is dead-lettered after {} attempts: {}", planId, attempt, reason);
        metrics.publicationDeadLettered();
        return new PublicationAttempt(PublicationStatus.DEAD_LETTER, attempt, uploaded, deleted, error, null);
    }

    private static List<String> changedPaths(List<UploadedFile> uploaded, List<String> deleted) {
        List<String> paths = new ArrayList<>(uploaded.size() + deleted.size());
        uploaded.forEach(file -> paths.add(file.path()));
        paths.addAll(deleted);
        return paths;
    }
}
