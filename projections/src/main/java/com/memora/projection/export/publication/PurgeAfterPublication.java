package com.memora.projection.export.publication;

import com.memora.projection.export.cdn.CachePurge;
import com.memora.projection.export.cdn.PurgeReport;
import com.memora.projection.export.pipeline.ExportLocks;
import com.memora.projection.export.pipeline.SyncLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Purges the CDN's cached copies of what a publication changed (domain §9.3, decisions O6), after the publication and
 * off its thread: Cloudflare's rate limit allows about 90 URLs a second (30 per request, 3 requests a second), so the
 * purge of a first upload of 5,000 files takes about a minute, which must not hold the plan's lock or the batch.
 * Only changed files reach it: uploaded (bytes changed, F5) or deleted ones, never unchanged files.
 * <p>
 * What is owed is stored first ({@link PendingPurges}), then sent by one worker in the cluster at a time (the
 * export's purge lock), so the requests of every node together stay within the limit, and a node that stops between
 * a publication and its purge leaves the purge to the next drain of any node (the CDN publication tick asks every
 * {@code memora.cdn.publication-tick}). A failed purge is logged and noted on the sync log entry and not tried
 * again: it never fails the build, and the copies expire after the {@code Cache-Control} max-age anyway.
 */
@Component
public class PurgeAfterPublication implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(PurgeAfterPublication.class);

    private final CachePurge purge;
    private final SyncLog syncLog;
    private final PendingPurges pending;
    private final ExportLocks locks;
    private final Clock clock;
    /** A drain is queued on the worker and has not started yet: a second request adds nothing. */
    private final AtomicBoolean drainQueued = new AtomicBoolean();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "cdn-purge");
        thread.setDaemon(true);
        return thread;
    });

    public PurgeAfterPublication(CachePurge purge, SyncLog syncLog, PendingPurges pending, ExportLocks locks,
                                 Clock clock) {
        this.purge = purge;
        this.syncLog = syncLog;
        this.pending = pending;
        this.locks = locks;
        this.clock = clock;
    }

    /** Purges the URLs of these paths soon; the sync log entry {@code logId} records the outcome. */
    void purgeLater(long logId, Collection<String> changedPaths) {
        if (changedPaths.isEmpty()) {
            return;
        }
        try {
            pending.add(logId, changedPaths, clock.instant());
        } catch (RuntimeException e) {
            log.warn("Could not record the purge owed by sync log entry {} ({} paths); the copies expire after the"
                     + " Cache-Control max-age: {}", logId, changedPaths.size(), e.toString());
            return;
        }
        drainSoon();
    }

    /** Sends what is owed, on the worker thread, if this node gets the cluster's purge lock. */
    public void drainSoon() {
        if (worker.isShutdown() || !drainQueued.compareAndSet(false, true)) {
            return;
        }
        try {
            worker.execute(() -> {
                drainQueued.set(false);
                drainSafely();
            });
        } catch (RuntimeException e) { // shut down meanwhile: the rows wait for another node
            drainQueued.set(false);
        }
    }

    private void drainSafely() {
        try {
            drain();
        } catch (RuntimeException e) {
            log.warn("Cache purges could not be sent now (they stay owed): {}", e.toString());
        }
    }

    /** Every owed purge, oldest first, while this node holds the purge lock; another node holding it drains them. */
    private void drain() {
        Optional<ExportLocks.Held> held = locks.tryLockPurge();
        if (held.isEmpty()) {
            return;
        }
        try (ExportLocks.Held ignored = held.get()) {
            Optional<PendingPurges.PendingPurge> next;
            while (!worker.isShutdown() && (next = pending.oldest()).isPresent()) {
                send(next.get());
            }
        }
    }

    private void send(PendingPurges.PendingPurge owed) {
        try {
            PurgeReport report = purge.purge(owed.paths());
            if (worker.isShutdown()) {
                return; // cut short by this node stopping: still owed, another node sends it whole
            }
            syncLog.purged(owed.logId(), report.purgedUrls().size(), note(report, owed.paths().size()));
        } catch (RuntimeException e) {
            log.warn("Cache purge after sync log entry {} failed: {}", owed.logId(), e.toString());
        }
        pending.done(owed);
    }

    private static String note(PurgeReport report, int asked) {
        if (report.skipped() != null) {
            return "not purged: " + report.skipped();
        }
        if (report.failures().isEmpty()) {
            return report.purgedUrls().size() + " of " + asked + " URLs purged in " + report.requests()
                   + " request(s)";
        }
        PurgeReport.Failure first = report.failures().get(0);
        return report.failedUrls().size() + " of " + asked + " URLs not purged (" + first.reason()
               + "); they expire after the Cache-Control max-age";
    }

    @Override
    public void destroy() throws InterruptedException {
        worker.shutdown();
        if (!worker.awaitTermination(5, TimeUnit.SECONDS)) {
            worker.shutdownNow();
        }
    }
}
