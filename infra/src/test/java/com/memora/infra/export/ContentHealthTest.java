package com.memora.infra.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.memora.infra.cdn.CdnSettingsFixture;
import com.memora.infra.ops.health.ContentHealthJobs;
import com.memora.infra.ops.health.HealthCheckLock;
import com.memora.infra.persistence.AdvisoryLocks;
import com.memora.infra.ops.health.HealthReportContract;
import com.memora.infra.testsupport.ApiClient;
import com.memora.infra.testsupport.IntegrationTest;
import com.memora.infra.testsupport.TestServers;
import com.memora.infra.testsupport.TestTokens;
import com.memora.kernel.ops.Alerts;
import com.memora.kernel.ops.JobProgress;
import com.memora.projection.export.cdn.CdnPublisher;
import com.memora.projection.export.files.MeaningHash;
import com.memora.projection.export.health.ContentCheckKind;
import com.memora.projection.export.health.ContentHealthCheck;
import com.memora.projection.export.health.ContentHealthSettings;
import com.memora.projection.export.health.ExpectedFiles;
import com.memora.projection.export.health.HealthCheckRun;
import com.memora.projection.export.health.HealthCheckRuns;
import com.memora.projection.export.health.PlanStandings;
import com.memora.projection.export.health.RunOutcome;
import com.memora.projection.export.pipeline.DirtyPlans;
import com.memora.projection.export.pipeline.DiskWatch;
import com.memora.projection.export.pipeline.ExportBatch;
import com.memora.projection.export.pipeline.ExportLocks;
import com.memora.projection.export.pipeline.ExportWakeUp;
import com.memora.projection.export.pipeline.PublicationStatus;
import com.memora.projection.export.pipeline.ReplayRebuilds;
import com.memora.projection.export.staging.ContentFile;
import com.memora.projection.export.staging.LocalContentStore;
import io.minio.BucketExistsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import static com.memora.infra.export.ExportFixture.plan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Content health checks (issue 8, domain §11.6): the expected set is exactly what the generator writes; files the
 * test removes, plants or changes in the bucket are all found; missing files queue their plan, which the next build
 * repairs; the quick check keeps business hours (O9) and records skipped runs; reports follow the contract.
 * <p>
 * The service's content root and database are shared with the other test classes, so every assertion is about the
 * files this test planted ("100 % within scope"), never about the whole tree. It saves CDN settings, so it runs
 * with the classes that do so (after those expecting none saved).
 */
@Order(Order.DEFAULT + 100)
class ContentHealthTest extends IntegrationTest {

    private static final String BUCKET = "health-scan";

    @Autowired
    ExportBatch batch;
    @Autowired
    DirtyPlans dirtyPlans;
    @Autowired
    ExpectedFiles expectedFiles;
    @Autowired
    ContentHealthJobs healthJobs;
    @Autowired
    LocalContentStore store;
    @Autowired
    CdnPublisher cdn;
    @Autowired
    ReplayRebuilds replayRebuilds;
    @Autowired
    DiskWatch diskWatch;
    @Autowired
    HealthCheckRuns runs;
    @Autowired
    ContentHealthSettings settings;
    @Autowired
    Alerts alerts;
    @Autowired
    ExportWakeUp wakeUp;
    @Autowired
    PlanStandings standings;
    @Autowired
    ContentHealthCheck healthCheck;
    @Autowired
    ExportLocks locks;
    @Autowired
    HealthCheckLock healthCheckLock;

    private ExportFixture export;
    private ApiClient admin;

    @BeforeEach
    void setUp() {
        admin = api(TestTokens.admin());
        export = exportFixture(admin);
    }

    private static Path contentRoot() {
        return dataDir().resolve("content");
    }

    @Test
    void theExpectedSetIsExactlyWhatTheGeneratorWroteForThePlan() {
        Map<String, String> ids = export.tree();
        String hiddenUnit = export.create("units", ExportFixture.published(
                com.memora.infra.testsupport.Ids.node("U"), "Hidden", "parent_track", ids.get("track")));
        String planId = export.planOf(ids.get("subject"));
        export.override(planId, "Unit", hiddenUnit, "Hide", null);
        export.build(planId);

        Set<String> expected = expectedFiles.compute().owners().entrySet().stream()
                                            .filter(entry -> entry.getValue().equals(planId))
                                            .map(Map.Entry::getKey)
                                            .collect(Collectors.toCollection(TreeSet::new));

        assertThat(expected).containsExactlyElementsOf(export.files(planId));
        assertThat(expected).contains(plan(planId, "manifest.json"), plan(planId, "search_index.json"),
                                      plan(planId, "lessons/" + ids.get("lesson") + ".json"))
                            .doesNotContain(plan(planId, "units/" + hiddenUnit + ".json"));
    }

    @Test
    void aFullScanFindsEveryPlantedMissingOrphanAndMismatchedFileAndTheRebuildRepairsTheMissingOnes()
            throws Exception {
        // the CDN on a bucket of its own (before the build: lesson files sign their video links for it)
        createBucket();
        CdnSettingsFixture.save(admin, CdnSettingsFixture.enabledOn(BUCKET));
        Map<String, String> ids = export.tree();
        String planId = export.planOf(ids.get("subject"));
        String lesson = plan(planId, "lessons/" + ids.get("lesson") + ".json");
        String lesson2 = plan(planId, "lessons/" + ids.get("lesson2") + ".json");
        String manifest = plan(planId, "manifest.json");
        String unit = plan(planId, "units/" + ids.get("unit") + ".json");
        try {
            export.build(planId);
            byte[] lessonBytes = export.bytes(lesson);

            // the bucket holds the plan's files, one of them with other bytes
            List<ContentFile> files = new ArrayList<>();
            for (String path : export.files(planId)) {
                files.add(new ContentFile(path, export.bytes(path)));
            }
            cdn.upload(files);
            byte[] other = "{\"tampered\": true}\n".getBytes(StandardCharsets.UTF_8);
            putObject(unit, other);

            // missing: two files the generator wrote; orphans: a file no plan writes, and a plan folder of a plan
            // that does not exist; ignored: .prev and temporary files
            Files.delete(export.path(lesson));
            Files.delete(export.path(manifest));
            String strayLesson = plan(planId, "lessons/GHOST-" + UUID.randomUUID() + ".json");
            String strayPlan = "plans/NO-SUCH-PLAN-" + UUID.randomUUID() + "/manifest.json";
            plant(strayLesson, "{}");
            plant(strayPlan, "{}");
            plant(lesson2 + ".prev", "{}");
            plant(lesson2 + ".tmp." + UUID.randomUUID(), "{}");

            JsonNode report = scanOverHttp("full");

            HealthReportContract.assertConforms(report, "fullScan");
            assertThat(report.get("kind").asText()).isEqualTo("full");
            assertThat(report.get("status").asText()).isEqualTo("warning");
            assertThat(texts(report.get("missing_files"))).contains(lesson, manifest).doesNotContain(lesson2, unit);
            assertThat(texts(report.get("orphan_files"))).contains(strayLesson, strayPlan)
                                                         .noneMatch(path -> path.contains(".prev"))
                                                         .noneMatch(path -> path.contains(".tmp."))
                                                         .doesNotContain(lesson2);
            assertThat(report.get("cdn_checked").asBoolean()).isTrue();
            List<JsonNode> mismatches = new ArrayList<>();
            report.get("hash_mismatches").forEach(mismatches::add);
            assertThat(mismatches).filteredOn(m -> m.get("path").asText().startsWith(plan(planId, "")))
                                  .singleElement().satisfies(mismatch -> {
                                      assertThat(mismatch.get("path").asText()).isEqualTo(unit);
                                      assertThat(mismatch.get("local_hash").asText())
                                              .isEqualTo(md5(export.bytes(unit)));
                                      assertThat(mismatch.get("cdn_hash").asText()).isEqualTo(md5(other));
                                  });
            assertThat(report.get("total_files_found").asInt())
                    .isEqualTo(report.get("total_files_expected").asInt() - report.get("missing_files_count").asInt());
            assertThat(report.get("action_taken").asText()).startsWith("Queued regeneration for ");
            assertThat(texts(report.get("plans_queued"))).contains(planId);
            assertThat(dirtyPlans.find(planId)).as("the plan is queued for a rebuild").isPresent();

            // the rebuild writes the missing files back, with the meaning they had (a new version: they are new)
            export.build(planId);
            assertThat(MeaningHash.of(export.bytes(lesson))).isEqualTo(MeaningHash.of(lessonBytes));
            assertThat(export.exists(manifest)).isTrue();

            assertThat(export.exists(strayLesson)).as("the build removes what its plan does not write").isFalse();

            JsonNode again = scanOverHttp("full");
            assertThat(texts(again.get("missing_files"))).doesNotContain(lesson, manifest);
            assertThat(texts(again.get("orphan_files"))).contains(strayPlan).doesNotContain(strayLesson);
            Files.delete(export.path(strayPlan));
            Files.delete(export.path(strayPlan).getParent());
        } finally {
            CdnSettingsFixture.save(admin, CdnSettingsFixture.with(CdnSettingsFixture.enabledOn(BUCKET),
                                                                   "enabled", false));
            try (var leftovers = Files.list(export.path(lesson2).getParent())) {
                for (Path leftover : leftovers.filter(file -> file.getFileName().toString()
                                                                  .startsWith(export.path(lesson2).getFileName()
                                                                                    + ".tmp.")).toList()) {
                    Files.delete(leftover);
                }
            }
        }
    }

    @Test
    void theQuickCheckRunsOnlyInBusinessHoursAndRecordsTheOtherRunsAsSkipped() {
        // last week (the clock may go back, never forward: builds and batch intervals follow it)
        ZonedDateTime monday = Instant.now().atZone(ZoneOffset.UTC).minusWeeks(1)
                                      .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                                      .truncatedTo(ChronoUnit.DAYS);
        assertThat(settings.businessHours().describe()).isEqualTo("Mon, Tue, Wed, Thu, Fri 08:00–18:00 (UTC)");

        assertSkipped(monday.minusDays(1).withHour(11));                              // Sunday
        assertSkipped(monday.withHour(7).withMinute(59).withSecond(59));              // before opening
        HealthCheckRun opening = assertReported(monday.withHour(8));                  // hour 8 ≤ h
        assertReported(monday.plusDays(4).withHour(17).withMinute(59));               // Friday, h < 18
        assertSkipped(monday.plusDays(4).withHour(18));                               // Friday closing
        assertSkipped(monday.plusDays(5).withHour(10));                               // Saturday

        JsonNode report = jsonOf(opening);
        HealthReportContract.assertConforms(report, "quickCheck");
        int expected = expectedFiles.compute().size();
        assertThat(report.get("sample_files_checked").asInt()).isEqualTo(Math.min(100, expected));
        assertThat(report.get("kind").asText()).isEqualTo("quick");
        assertThat(report.has("orphan_files")).as("orphans are the full scan's").isFalse();

        List<HealthCheckRun> history = runs.history(null, 6);
        assertThat(history).extracting(HealthCheckRun::status).contains("skipped");
        JsonNode historyOverHttp = admin.get("/api/admin/health/content/history?kind=quick&limit=20").json();
        assertThat(historyOverHttp.at("/schedule/business_hours").asText()).contains("08:00–18:00");
        List<String> outcomes = new ArrayList<>();
        historyOverHttp.get("runs").forEach(run -> outcomes.add(run.get("outcome").asText()));
        assertThat(outcomes).contains("skipped", "reported");
        historyOverHttp.get("runs").forEach(run -> {
            if (run.get("outcome").asText().equals("skipped")) {
                assertThat(run.has("report")).as("a skipped run is not a report").isFalse();
                assertThat(run.get("status").asText()).isEqualTo("skipped");
            }
        });
    }

    @Test
    void aQuickCheckFindsTheMissingFilesItsSampleCoversAndQueuesTheirPlan() throws IOException {
        Map<String, String> ids = export.tree();
        String planId = export.planOf(ids.get("subject"));
        export.build(planId);
        String lesson = plan(planId, "lessons/" + ids.get("lesson2") + ".json");
        Files.delete(export.path(lesson));

        // the service's own collaborators, with a sample as large as the tree: the test knows what is sampled
        ContentHealthCheck wholeTree = new ContentHealthCheck(
                expectedFiles, store, cdn, dirtyPlans, wakeUp, replayRebuilds, diskWatch, runs,
                new ContentHealthSettings(settings.businessHours(), Integer.MAX_VALUE, Integer.MAX_VALUE), standings,
                alerts, clock);
        HealthCheckRun run = wholeTree.quickCheck(ContentHealthCheck.MANUAL);

        assertThat(run.outcome()).isEqualTo(RunOutcome.REPORTED);
        assertThat(run.report().missingFiles()).contains(lesson);
        assertThat(run.report().plansQueued()).contains(planId);
        assertThat(run.report().sampleFilesChecked()).isEqualTo(expectedFiles.compute().size());
        HealthReportContract.assertConforms(jsonOf(run), "quickCheck");
        export.build(planId);
        assertThat(export.exists(lesson)).isTrue();
    }

    @Test
    void filesOfAPlanWithAnEditOnItsWayArePendingNeitherMissingNorOrphans() {
        Map<String, String> ids = export.tree();
        String planId = export.planOf(ids.get("subject"));
        export.build(planId);
        String removedLesson = plan(planId, "lessons/" + ids.get("lesson") + ".json");
        String addedLesson;
        HealthCheckRun run;
        // the batch and the plan held, as while a batch is busy elsewhere: the edits stay pending during the scan
        try (ExportLocks.Held batchLock = await().atMost(Duration.ofSeconds(30))
                                                 .until(locks::tryLockBatch, Optional::isPresent).orElseThrow();
             ExportLocks.Held planLock = locks.tryLockPlan(planId).orElseThrow()) {
            String added = export.create("lessons", ExportFixture.lesson(com.memora.infra.testsupport.Ids.node("L"),
                                                                         ids.get("topic"), 3));
            addedLesson = plan(planId, "lessons/" + added + ".json");
            ExportFixture.ok(export.editor.delete("/api/lessons/" + ids.get("lesson")));
            export.awaitCaughtUp();

            run = healthCheck.fullScan(ContentHealthCheck.MANUAL, JobProgress.NONE);
            HealthCheckRun quick = new ContentHealthCheck(
                    expectedFiles, store, cdn, dirtyPlans, wakeUp, replayRebuilds, diskWatch, runs,
                    new ContentHealthSettings(settings.businessHours(), Integer.MAX_VALUE, Integer.MAX_VALUE),
                    standings, alerts, clock).quickCheck(ContentHealthCheck.MANUAL);
            assertThat(quick.report().missingFiles()).doesNotContain(addedLesson);
            assertThat(quick.report().pendingFiles()).contains(addedLesson);
        }
        assertThat(run.report().missingFiles()).as("not built yet, not lost").doesNotContain(addedLesson);
        assertThat(run.report().orphanFiles()).as("its removal is queued").doesNotContain(removedLesson);
        assertThat(run.report().pendingFiles()).contains(addedLesson, removedLesson);
        assertThat(run.report().plansPending()).contains(planId);
        assertThat(run.report().plansQueued()).doesNotContain(planId);
        JsonNode json = jsonOf(run);
        HealthReportContract.assertConforms(json, "fullScan");
        assertThat(texts(json.get("pending_files"))).contains(addedLesson, removedLesson);

        export.build(planId);
        HealthCheckRun after = healthCheck.fullScan(ContentHealthCheck.MANUAL, JobProgress.NONE);
        assertThat(export.exists(addedLesson)).isTrue();
        assertThat(export.exists(removedLesson)).isFalse();
        assertThat(after.report().plansPending()).doesNotContain(planId);
        assertThat(after.report().missingFiles()).doesNotContain(addedLesson);
    }

    @Test
    void aPlanWhoseLatestBuildFailedPermanentlyIsReportedButNotQueuedAgain() throws IOException {
        Map<String, String> ids = export.tree();
        String planId = export.planOf(ids.get("subject"));
        export.build(planId);
        String missingLesson = plan(planId, "lessons/" + ids.get("lesson2") + ".json");
        // the read model holds a lesson the lesson schema refuses: the rebuild fails permanently (O2)
        try (ExportFixture.BrokenLesson ignored = export.breakLessonSchema(ids.get("lesson"))) {
            ExportFixture.ok(admin.post("/api/admin/export/plans/" + planId + "/rebuild", null));
            assertThat(export.build(planId).status()).isEqualTo(PublicationStatus.FAILED);
            Files.delete(export.path(missingLesson));

            for (int scan = 1; scan <= 2; scan++) {
                HealthCheckRun run = healthCheck.fullScan(ContentHealthCheck.MANUAL, JobProgress.NONE);
                assertThat(run.report().missingFiles()).as("scan %d", scan).contains(missingLesson);
                assertThat(run.report().plansQueued()).doesNotContain(planId);
                assertThat(run.report().plansNotQueued()).contains(planId);
                assertThat(run.report().actionTaken()).contains("failed permanently");
                assertThat(dirtyPlans.find(planId)).as("not re-queued by scan %d", scan).isEmpty();
            }
        }
        // its next edit queues it, and the build writes the missing file back
        ExportFixture.ok(export.editor.patch("/api/lessons/" + ids.get("lesson"), Map.of("title", "Fixed")));
        assertThat(export.build(planId).status()).as("built (and published, when another test left the CDN on)")
                                                 .isIn(PublicationStatus.LOCAL_ONLY, PublicationStatus.SUCCESS);
        assertThat(export.exists(missingLesson)).isTrue();
    }

    @Test
    void aScanRequestIsRefusedWhileOneRunsAndUnknownKindsAreA400() {
        try (AdvisoryLocks.Held running = healthCheckLock.tryLock().orElseThrow()) {
            // as if another node were scanning: an operator's request is a 409, the hourly job skips
            ApiClient.Response busy = admin.post("/api/admin/health/content?kind=full", null);
            assertThat(busy.status()).as("%s", busy).isEqualTo(409);
            assertThat(busy.json().get("detail").asText()).contains("running already");
            assertThat(healthJobs.hourlyQuickCheck()).as("skipped while one runs").isEmpty();
            assertThat(healthJobs.nightlyFullScan()).isEmpty();
        }
        ApiClient.Response bad = admin.post("/api/admin/health/content?kind=everything", null);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("field").asText()).isEqualTo("kind");
        assertThat(admin.get("/api/admin/health/content?kind=weekly").status()).isEqualTo(400);
        assertThat(api(TestTokens.editor()).post("/api/admin/health/content", null).status()).isEqualTo(403);
        assertThat(anonymous().get("/api/admin/health/content").status()).isEqualTo(401);
    }

    @Test
    void theNightlyFullScanPrunesHistoryOlderThanNinetyDays() {
        Instant now = clock.instant();
        HealthCheckRun expired = runs.record(HealthCheckRun.skipped(ContentCheckKind.QUICK, ContentHealthCheck.SCHEDULER,
                                                                    now.minus(Duration.ofDays(91)), "old"));
        HealthCheckRun kept = runs.record(HealthCheckRun.skipped(ContentCheckKind.QUICK, ContentHealthCheck.SCHEDULER,
                                                                 now.minus(Duration.ofDays(89)), "recent"));

        HealthCheckRun scan = healthJobs.nightlyFullScan().orElseThrow();

        assertThat(scan.outcome()).isEqualTo(RunOutcome.REPORTED);
        assertThat(storedRun(expired.id())).as("older than 90 days").isZero();
        assertThat(storedRun(kept.id())).as("within 90 days").isOne();
        assertThat(storedRun(scan.id())).isOne();
    }

    private long storedRun(long id) {
        return jdbc.sql("select count(*) from content_health_run where id = ?").param(id).query(Long.class).single();
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private HealthCheckRun assertSkipped(ZonedDateTime at) {
        clock.freezeAt(at.toInstant());
        HealthCheckRun run = healthJobs.hourlyQuickCheck().orElseThrow();
        assertThat(run.outcome()).as("at %s", at).isEqualTo(RunOutcome.SKIPPED);
        assertThat(run.status()).isEqualTo("skipped");
        assertThat(run.reason()).startsWith("Outside business hours");
        assertThat(run.report()).isNull();
        return run;
    }

    private HealthCheckRun assertReported(ZonedDateTime at) {
        clock.freezeAt(at.toInstant());
        HealthCheckRun run = healthJobs.hourlyQuickCheck().orElseThrow();
        assertThat(run.outcome()).as("at %s", at).isEqualTo(RunOutcome.REPORTED);
        assertThat(run.report().timestamp()).isEqualTo(at.toInstant());
        return run;
    }

    /** POST a scan, wait for its job, GET the report of that kind. */
    private JsonNode scanOverHttp(String kind) {
        ApiClient.Response started = admin.post("/api/admin/health/content?kind=" + kind, null);
        assertThat(started.status()).as("%s", started).isEqualTo(202);
        String statusUrl = started.json().get("status_url").asText();
        await().atMost(Duration.ofSeconds(120)).until(() -> !admin.get(statusUrl).json().get("state").asText()
                                                                   .equals("RUNNING"));
        JsonNode job = admin.get(statusUrl).json();
        assertThat(job.get("state").asText()).as("%s", job).isEqualTo("SUCCEEDED");
        ApiClient.Response report = admin.get(started.json().get("report_url").asText());
        assertThat(report.status()).as("%s", report).isEqualTo(200);
        assertThat(report.json().get("timestamp").asText()).isNotBlank();
        return report.json();
    }

    /** The report as the API serves it (the service's JSON mapping). */
    private JsonNode jsonOf(HealthCheckRun run) {
        JsonNode runs = admin.get("/api/admin/health/content/history?limit=500").json().get("runs");
        for (JsonNode candidate : runs) {
            if (candidate.get("id").asLong() == run.id()) {
                return candidate.get("report");
            }
        }
        throw new AssertionError("run " + run.id() + " is not in the history");
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }

    private static void plant(String relative, String content) throws IOException {
        Path file = contentRoot().resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private static void createBucket() throws Exception {
        MinioClient minio = TestServers.get().minio();
        if (!minio.bucketExists(BucketExistsArgs.builder().bucket(BUCKET).build())) {
            minio.makeBucket(MakeBucketArgs.builder().bucket(BUCKET).build());
        }
    }

    private static void putObject(String key, byte[] bytes) throws Exception {
        TestServers.get().minio().putObject(PutObjectArgs.builder().bucket(BUCKET).object(key)
                                                         .data(bytes, bytes.length)
                                                         .contentType("application/json").build());
    }

    private static String md5(byte[] bytes) {
        return com.memora.projection.export.cdn.Md5.hex(bytes);
    }
}
