package com.memora.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.memora.infra.axon.replay.ProjectionReplays;
import com.memora.infra.testsupport.ApiClient;
import com.memora.projection.export.pipeline.BuildTrigger;
import com.memora.projection.export.pipeline.DirtyPlans;
import com.memora.projection.export.pipeline.ExportBatch;
import com.memora.projection.export.pipeline.PlanBuildOutcome;
import com.memora.projection.export.pipeline.PlanExporter;
import com.memora.projection.export.pipeline.SyncLog;
import com.memora.projection.export.pipeline.SyncLogEntry;
import org.HdrHistogram.Histogram;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The plan export through the whole pipeline on the embedded default (real PostgreSQL, a real directory):
 * <ol>
 *     <li>a plan of 5,000 lessons (the {@link ContentImportBenchmark} curriculum, all five subjects), imported over
 *     HTTP, then built by the pipeline: lock, snapshot read of the read model, files, schema validation of every
 *     file, meaning comparison with the disk, staging with the F9 write order, sync log — wall time and files per
 *     second, first as a cold first build, then again from an empty plan folder, then with nothing changed;</li>
 *     <li>one lesson edited over HTTP until its file on disk shows the edit, with the batch window at its minimum
 *     ({@code batch_interval_minutes} 1, {@code batch_threshold} 1: the edit's commit starts the run);</li>
 * </ol>
 * Local write p50/p99 is {@link LocalWriteBenchmark}.
 * <p>
 * Run: {@code mvn -q -B -ntp -pl benchmarks exec:java -Dbench=PlanExportBenchmark [-Dedits=10]}
 */
public final class PlanExportBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final String PLAN = "PLAN-ALL";
    /** Only PLAN-ALL lists subject S-4, so an edit there queues that plan alone. */
    static final String LESSON = "L-4-0-0-0-0";

    public static void main(String[] args) throws Exception {
        int edits = Integer.getInteger("edits", 10);
        // each build logs where its time went (read, build, validate, compare, write, delete)
        try (BenchmarkApp app = BenchmarkApp.start(
                "--logging.level.com.memora.projection.export.pipeline.PlanExporter=INFO")) {
            ApiClient editor = app.client("editor");
            ApiClient admin = app.client("admin");
            JdbcClient jdbc = app.bean(JdbcClient.class);
            Path contentRoot = app.dataDir().resolve("content");

            System.out.println();
            System.out.printf("Plan export (%d cores, embedded PostgreSQL, content root %s)%n",
                              Runtime.getRuntime().availableProcessors(), contentRoot);

            // the first run after start is due at once; let it happen before the import, then keep the batch
            // quiet (interval 60 min, threshold 1,000) so the import is not built half-way
            saveBatchSettings(admin, 60, 1_000);
            importAndWait(editor, tinyCurriculum());
            awaitCaughtUp(app, jdbc);
            awaitNothingPending(app);

            long importStart = System.nanoTime();
            importAndWait(editor, curriculum());
            awaitCaughtUp(app, jdbc);
            System.out.printf("import of 5,000 lessons and 4 plans: %.1f s (not part of the figures below)%n",
                              (System.nanoTime() - importStart) / 1e9);

            report("first build (cold JVM, every file new)", build(app));
            deleteFolder(contentRoot.resolve("plans").resolve(PLAN));
            requestRebuild(app);
            report("build again into an empty plan folder", build(app));
            requestRebuild(app);
            report("build with nothing changed", build(app));
            app.bean(ExportBatch.class).runNow(); // the import's other plans, so they do not join the edits below

            saveBatchSettings(admin, 1, 1);
            Histogram latency = new Histogram(3_600_000_000L, 3);
            Path lessonFile = contentRoot.resolve("plans/" + PLAN + "/lessons/" + LESSON + ".json");
            for (int edit = 0; edit < edits; edit++) {
                String title = "درس معدل " + edit;
                long start = System.nanoTime();
                ApiClient.Response patched = editor.patch("/api/lessons/" + LESSON, Map.of("title", title));
                if (patched.status() != 200) {
                    throw new IllegalStateException(patched.toString());
                }
                while (!Files.readString(lessonFile, StandardCharsets.UTF_8).contains(title)) {
                    Thread.sleep(5); // a load driver polling the disk, not a test
                }
                latency.recordValue((System.nanoTime() - start) / 1_000);
            }
            System.out.printf("one lesson edited over HTTP until its file on disk shows it (window 1 min, threshold"
                              + " 1): %d edits, p50 %.2f s, max %.2f s%n", edits,
                              latency.getValueAtPercentile(50) / 1e6, latency.getMaxValue() / 1e6);
            SyncLogEntry last = app.bean(SyncLog.class).recent(PLAN, null, 1).get(0);
            while (last.finishedAt() == null) { // the file is on disk before the build has logged its end
                Thread.sleep(5);
                last = app.bean(SyncLog.class).find(last.id()).orElseThrow();
            }
            System.out.printf("  its last build: %s, %d written, %d unchanged, %d ms%n", last.trigger(),
                              last.filesWritten(), last.filesUnchanged(),
                              last.finishedAt().toEpochMilli() - last.startedAt().toEpochMilli());
            System.out.println("local write p50/p99: run LocalWriteBenchmark");
        }
    }

    private record Figures(double seconds, SyncLogEntry entry) {
    }

    private static Figures build(BenchmarkApp app) {
        long start = System.nanoTime();
        PlanBuildOutcome outcome = app.bean(PlanExporter.class).build(PLAN, BuildTrigger.MANUAL);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (outcome.kind() != PlanBuildOutcome.Kind.BUILT) {
            throw new IllegalStateException("The build did not run: " + outcome);
        }
        return new Figures(seconds, app.bean(SyncLog.class).find(outcome.logId()).orElseThrow());
    }

    private static void report(String name, Figures figures) {
        SyncLogEntry entry = figures.entry();
        int files = entry.filesWritten() + entry.filesUnchanged();
        System.out.printf("%-42s wall %6.2f s | %,d files (%,d written, %,d unchanged) | %,8.0f files/s%n", name,
                          figures.seconds(), files, entry.filesWritten(), entry.filesUnchanged(),
                          files / figures.seconds());
    }

    private static void requestRebuild(BenchmarkApp app) {
        app.bean(DirtyPlans.class).mark(List.of(PLAN), "benchmark", true, app.bean(Clock.class).instant());
    }

    static void awaitNothingPending(BenchmarkApp app) throws InterruptedException {
        while (app.bean(DirtyPlans.class).count() > 0) {
            app.bean(ExportBatch.class).runNow();
            Thread.sleep(50);
        }
    }

    static void awaitCaughtUp(BenchmarkApp app, JdbcClient jdbc) throws InterruptedException {
        long head = jdbc.sql("select coalesce(max(global_index), 0) from domain_event_entry").query(Long.class)
                        .single();
        ProjectionReplays replays = app.bean(ProjectionReplays.class);
        while (true) {
            var status = replays.status("content");
            if (status.position() != null && status.position() >= head) {
                return;
            }
            Thread.sleep(20);
        }
    }

    static void importAndWait(ApiClient editor, Map<String, Object> document) throws Exception {
        ApiClient.Response accepted = editor.post("/api/import", JSON.writeValueAsString(document));
        if (accepted.status() != 202) {
            throw new IllegalStateException(accepted.toString());
        }
        String status = accepted.json().get("status_url").asText();
        while (editor.get(status).json().get("state").asText().equals("RUNNING")) {
            Thread.sleep(50);
        }
    }

    private static void saveBatchSettings(ApiClient admin, int intervalMinutes, int threshold) {
        var current = admin.get("/api/settings/cdn").json();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("storage_provider", current.get("storage_provider").asText());
        body.put("endpoint_url", current.get("endpoint_url").asText());
        body.put("bucket_name", current.get("bucket_name").asText());
        body.put("batch_interval_minutes", intervalMinutes);
        body.put("batch_threshold", threshold);
        ApiClient.Response saved = admin.put("/api/settings/cdn", body);
        if (saved.status() != 200) {
            throw new IllegalStateException(saved.toString());
        }
    }

    /** The import benchmark's 5,000 lessons, plus a plan listing all five subjects. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> curriculum() {
        Map<String, Object> document = new LinkedHashMap<>(ContentImportBenchmark.curriculum(10));
        List<Object> plans = new ArrayList<>((List<Object>) document.get("plans"));
        List<Object> subjects = new ArrayList<>();
        for (int s = 0; s < 5; s++) {
            subjects.add(Map.of("subject", "S-" + s, "sort_order", s));
        }
        plans.add(Map.of("id", PLAN, "title", "All subjects", "season", "SEASON-2026", "stream", "ALL",
                         "grade", "G12", "subjects", subjects,
                         "overrides", List.of(Map.of("target_type", "Unit", "target_id", "U-0-0-1",
                                                     "action", "Hide"))));
        document.put("plans", plans);
        return document;
    }

    static Map<String, Object> tinyCurriculum() {
        return Map.of("seasons", List.of(Map.of("id", "SEASON-2025", "title", "Warm-up", "start_date", "2025-09-01",
                                                "end_date", "2026-06-30")),
                      "subjects", List.of(Map.of("id", "WARM", "title", "Warm-up", "is_published", true)),
                      "plans", List.of(Map.of("id", "PLAN-WARM", "title", "Warm-up", "season", "SEASON-2025",
                                              "stream", "W", "grade", "G1",
                                              "subjects", List.of(Map.of("subject", "WARM")))));
    }

    private static void deleteFolder(Path folder) throws IOException {
        try (var walk = Files.walk(folder)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
