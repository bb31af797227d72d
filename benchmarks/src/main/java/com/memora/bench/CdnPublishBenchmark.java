package com.memora.bench;

import com.memora.infra.embedded.EmbeddedS3Server;
import com.memora.infra.testsupport.ApiClient;
import com.memora.projection.export.pipeline.BuildTrigger;
import com.memora.projection.export.pipeline.PlanBuildOutcome;
import com.memora.projection.export.pipeline.PlanExporter;
import com.memora.projection.export.pipeline.PublicationStatus;
import com.memora.projection.export.pipeline.SyncLog;
import com.memora.projection.export.pipeline.SyncLogEntry;
import com.memora.projection.export.publication.CdnPublicationTick;
import com.memora.projection.export.publication.CdnReadiness;
import org.HdrHistogram.Histogram;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import static com.memora.bench.PlanExportBenchmark.LESSON;
import static com.memora.bench.PlanExportBenchmark.PLAN;

/**
 * CDN publication through the export pipeline (issue 5), on the embedded default plus an S3-compatible server
 * (s3proxy on a filesystem store, in this JVM — it shares the cores with the service):
 * <ol>
 *     <li>the first build of a 5,000-lesson plan with the CDN enabled on an empty bucket: local build and staging,
 *     then every file uploaded from the local bytes, bottom-up, each ETag verified, sync log written;</li>
 *     <li>one lesson edited over HTTP until the sync log shows the build that published it verified (batch window
 *     at its minimum, as in {@link PlanExportBenchmark}): what is uploaded is only what changed (F5);</li>
 *     <li>the CDN pointed at another empty bucket: the publication tick, as the scheduler runs it, until the CDN is
 *     ready again — a full sync of every plan (listing, upload of every file) and a parity check of the tree.</li>
 * </ol>
 * {@link CdnUploadBenchmark} measures the S3 adapter alone.
 * <p>
 * Run: {@code mvn -q -B -ntp -pl benchmarks exec:java -Dbench=CdnPublishBenchmark [-Dedits=10]}
 */
public final class CdnPublishBenchmark {

    private static final String ACCESS = "bench-access";
    private static final String SECRET = "bench-secret-key-123";

    public static void main(String[] args) throws Exception {
        int edits = Integer.getInteger("edits", 10);
        Path s3Dir = Files.createTempDirectory("memora-cdn-publish-bench");
        try (EmbeddedS3Server s3 = EmbeddedS3Server.start(s3Dir, 0, ACCESS, SECRET);
             BenchmarkApp app = BenchmarkApp.start(
                     "--logging.level.com.memora.projection.export.pipeline.PlanExporter=INFO")) {
            s3.createBucket("bench-first");
            s3.createBucket("bench-second");
            ApiClient editor = app.client("editor");
            ApiClient admin = app.client("admin");
            JdbcClient jdbc = app.bean(JdbcClient.class);
            SyncLog syncLog = app.bean(SyncLog.class);

            System.out.println();
            System.out.printf("CDN publication through the pipeline (%d cores, embedded PostgreSQL, s3proxy at %s)%n",
                              Runtime.getRuntime().availableProcessors(), s3.endpoint());

            // quiet batch (interval 60 min, threshold 1,000) so the import is not built half-way; CDN off meanwhile
            saveCdnSettings(admin, s3, false, "bench-first", 60, 1_000);
            PlanExportBenchmark.importAndWait(editor, PlanExportBenchmark.tinyCurriculum());
            PlanExportBenchmark.awaitCaughtUp(app, jdbc);
            PlanExportBenchmark.awaitNothingPending(app);
            long importStart = System.nanoTime();
            PlanExportBenchmark.importAndWait(editor, PlanExportBenchmark.curriculum());
            PlanExportBenchmark.awaitCaughtUp(app, jdbc);
            System.out.printf("import of 5,000 lessons and 4 plans: %.1f s (not part of the figures below)%n",
                              (System.nanoTime() - importStart) / 1e9);

            saveCdnSettings(admin, s3, true, "bench-first", 60, 1_000);
            long start = System.nanoTime();
            PlanBuildOutcome outcome = app.bean(PlanExporter.class).build(PLAN, BuildTrigger.MANUAL);
            double seconds = (System.nanoTime() - start) / 1e9;
            SyncLogEntry first = syncLog.find(outcome.logId()).orElseThrow();
            expectVerified(first);
            System.out.printf("%-50s wall %6.2f s | %,d written, %,d uploaded (verified: %s) | %,.0f files/s%n",
                              "first build, CDN on an empty bucket", seconds, first.filesWritten(),
                              first.filesUploaded(), first.syncVerified(), first.filesUploaded() / seconds);
            PlanExportBenchmark.awaitNothingPending(app); // the import's other plans, so they do not join the edits

            saveCdnSettings(admin, s3, true, "bench-first", 1, 1);
            Histogram latency = new Histogram(3_600_000_000L, 3);
            SyncLogEntry last = syncLog.recent(PLAN, null, 1).get(0);
            int uploaded = 0;
            for (int edit = 0; edit < edits; edit++) {
                long before = last.id();
                long editStart = System.nanoTime();
                ApiClient.Response patched = editor.patch("/api/lessons/" + LESSON, Map.of("title", "درس " + edit));
                if (patched.status() != 200) {
                    throw new IllegalStateException(patched.toString());
                }
                last = awaitPublishedAfter(syncLog, before);
                latency.recordValue((System.nanoTime() - editStart) / 1_000);
                expectVerified(last);
                uploaded += last.filesUploaded();
            }
            System.out.printf("%-50s %d edits, p50 %.2f s, max %.2f s | %.1f files uploaded per edit%n",
                              "one lesson edited over HTTP until the CDN has it", edits,
                              latency.getValueAtPercentile(50) / 1e6, latency.getMaxValue() / 1e6,
                              uploaded / (double) edits);
            System.out.printf("  its last build: %d written, %,d unchanged, %d uploaded (verified: %s), %d ms%n",
                              last.filesWritten(), last.filesUnchanged(), last.filesUploaded(), last.syncVerified(),
                              last.finishedAt().toEpochMilli() - last.startedAt().toEpochMilli());

            saveCdnSettings(admin, s3, true, "bench-second", 60, 1_000);
            long lastId = syncLog.recent(null, null, 1).get(0).id();
            CdnPublicationTick tick = app.bean(CdnPublicationTick.class);
            start = System.nanoTime();
            int ticks = 0;
            CdnReadiness.Check check;
            do {
                check = tick.run().readiness();
                ticks++;
                if (ticks > 1_000) {
                    throw new IllegalStateException("not ready after 1,000 ticks: " + check);
                }
            } while (check.state() != CdnReadiness.State.READY);
            seconds = (System.nanoTime() - start) / 1e9;
            int synced = syncLog.recent(null, null, 500).stream()
                                .filter(entry -> entry.id() > lastId && entry.trigger() == BuildTrigger.CDN_SYNC)
                                .mapToInt(SyncLogEntry::filesUploaded).sum();
            System.out.printf("%-50s wall %6.2f s | %,d uploaded in %d ticks | %,.0f files/s | %s%n",
                              "another bucket: full sync + parity until ready", seconds, synced, ticks,
                              synced / seconds, check.detail());
        } finally {
            try (Stream<Path> all = Files.walk(s3Dir)) {
                all.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static SyncLogEntry awaitPublishedAfter(SyncLog syncLog, long afterId) throws InterruptedException {
        while (true) {
            for (SyncLogEntry entry : syncLog.recent(PLAN, null, 5)) {
                if (entry.id() > afterId && entry.finishedAt() != null && entry.filesWritten() > 0) {
                    return entry;
                }
            }
            Thread.sleep(5); // a load driver polling the sync log, not a test
        }
    }

    private static void expectVerified(SyncLogEntry entry) {
        if (entry.status() != PublicationStatus.SUCCESS || !Boolean.TRUE.equals(entry.syncVerified())) {
            throw new IllegalStateException("The publication did not end verified: " + entry);
        }
    }

    private static void saveCdnSettings(ApiClient admin, EmbeddedS3Server s3, boolean enabled, String bucket,
                                        int intervalMinutes, int threshold) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("enabled", enabled);
        body.put("local_fallback_mode", false);
        body.put("storage_provider", "AWS S3");
        body.put("endpoint_url", s3.endpoint());
        body.put("bucket_name", bucket);
        body.put("access_key", ACCESS);
        body.put("secret_key", SECRET);
        body.put("cdn_base_url", "https://cdn.memora.bench");
        body.put("batch_interval_minutes", intervalMinutes);
        body.put("batch_threshold", threshold);
        ApiClient.Response saved = admin.put("/api/settings/cdn", body);
        if (saved.status() != 200) {
            throw new IllegalStateException(saved.toString());
        }
    }
}
