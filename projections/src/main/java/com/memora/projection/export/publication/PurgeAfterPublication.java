package com.memora.projection.export.publication;

import com.memora.projection.export.cdn.CachePurge;
import com.memora.projection.export.cdn.PurgeReport;
import com.memora.projection.export.pipeline.SyncLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Purges the CDN's cached copies of what a publication changed (domain §9.3, decisions O6), after the publication and
 * off its thread: Cloudflare's rate limit allows about 90 URLs a second (30 per request, 3 requests a second), so the
 * purge of a first upload of 5,000 files takes about a minute, which must not hold the plan's lock or the batch. One
 * worker per node keeps the requests of all publications within the limit. A failed purge is logged and noted on the
 * sync log entry; it never fails the build (the copies expire after the {@code Cache-Control} max-age anyway).
 * Only changed files reach it: uploaded (bytes changed, F5) or deleted ones, never unchanged files.
 */
@Component
public class PurgeAfterPublication implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(PurgeAfterPublication.class);

    private final CachePurge purge;
    private final SyncLog syncLog;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "cdn-purge");
        thread.setDaemon(true);
        return thread;
    });

    public PurgeAfterPublication(CachePurge purge, SyncLog syncLog) {
        this.purge = purge;
        this.syncLog = syncLog;
    }

    /** Purges the URLs of these paths soon; the sync log entry {@code logId} records the outcome. */
    void purgeLater(long logId, Collection<String> changedPaths) {
        if (changedPaths.isEmpty() || worker.isShutdown()) {
            return;
        }
        List<String> paths = List.copyOf(changedPaths);
        worker.execute(() -> {
            try {
                PurgeReport report = purge.purge(paths);
                syncLog.purged(logId, report.purgedUrls().size(), note(report, paths.size()));
            } catch (RuntimeException e) {
                log.warn("Cache purge after sync log entry {} failed: {}", logId, e.toString());
            }
        });
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
