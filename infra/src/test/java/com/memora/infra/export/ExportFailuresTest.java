package com.memora.infra.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.memora.infra.files.ReadOnlyDirectory;
import com.memora.infra.testsupport.IntegrationTest;
import com.memora.projection.export.pipeline.BatchRun;
import com.memora.projection.export.pipeline.BuildTrigger;
import com.memora.projection.export.pipeline.ExportBatch;
import com.memora.projection.export.pipeline.ExportLocks;
import com.memora.projection.export.pipeline.PlanBuildOutcome;
import com.memora.projection.export.pipeline.PlanExporter;
import com.memora.projection.export.pipeline.PublicationStatus;
import com.memora.projection.export.pipeline.SyncLogEntry;
import com.memora.projection.export.staging.DiskSpace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static com.memora.infra.export.ExportFixture.plan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Builds that cannot go through: permanent failures end FAILED and leave the previous files (decisions O2), low
 * disk pauses without an attempt (O5), a locked plan waits (O1). None of them loses the plan.
 */
class ExportFailuresTest extends IntegrationTest {

    @Autowired
    ExportBatch batch;
    @Autowired
    PlanExporter exporter;
    @Autowired
    ExportLocks locks;

    private ExportFixture export;

    @BeforeEach
    void setUp() {
        export = exportFixture();
    }

    /**
     * Rules tighten while events are kept forever: a lesson stored before Video stages needed a link reads back
     * with an empty one. Its plan's build breaks the lesson schema and must fail whole, with the reason.
     */
    @Test
    void aSchemaViolationFailsThePlanWithTheReasonAndLeavesThePreviousFiles() {
        Map<String, String> ids = export.tree();
        String planId = export.planOf(ids.get("subject"));
        export.build(planId);
        String lessonPath = plan(planId, "lessons/" + ids.get("lesson") + ".json");
        byte[] published = export.bytes(lessonPath);
        try (ExportFixture.BrokenLesson ignored = export.breakLessonSchema(ids.get("lesson"))) {
            assertThat(export.admin.post("/api/admin/export/plans/" + planId + "/rebuild", null).status())
                    .isEqualTo(202);
            SyncLogEntry failed = export.build(planId);

            assertThat(failed.status()).isEqualTo(PublicationStatus.FAILED);
            assertThat(failed.error()).contains("schema violation")
                                      .contains(lessonPath + " at /stages/0/config/video_url");
            assertThat(failed.filesWritten()).isZero();
            assertThat(export.bytes(lessonPath)).as("the previous file stays").isEqualTo(published);
            assertThat(export.pending(planId)).as("permanent: waits for the next edit").isFalse();
            JsonNode shown = export.editor.get("/api/plans/" + planId).json();
            assertThat(shown.get("build_status").asText()).isEqualTo("FAILED");
            assertThat(shown.get("build_error").asText()).contains("schema violation");
            // the alert follows the build's bookkeeping on the build's thread
            await().atMost(Duration.ofSeconds(10))
                   .untilAsserted(() -> assertThat(alerts("export-build-failed", planId)).isNotEmpty());
        }
        // the next edit queues the plan again, and it builds
        ExportFixture.ok(export.editor.patch("/api/lessons/" + ids.get("lesson"), Map.of("title", "Fixed")));
        assertThat(export.build(planId).status()).isEqualTo(PublicationStatus.LOCAL_ONLY);
    }

    @Test
    void aDirectoryTheServiceMayNotWriteFailsThatPlanClearlyNotTheService() throws Exception {
        Map<String, String> ids = export.tree();
        String planId = export.planOf(ids.get("subject"));
        String other = export.planOf(export.tree().get("subject"));
        export.build(planId);
        String lessonPath = plan(planId, "lessons/" + ids.get("lesson") + ".json");
        byte[] published = export.bytes(lessonPath);

        try (ReadOnlyDirectory readOnly = ReadOnlyDirectory.of(export.path(plan(planId, "lessons")))) {
            ExportFixture.ok(export.editor.patch("/api/lessons/" + ids.get("lesson"), Map.of("title", "Blocked")));
            SyncLogEntry failed = export.build(planId);

            assertThat(failed.status()).isEqualTo(PublicationStatus.FAILED);
            assertThat(failed.error()).startsWith("Permission denied: cannot write " + lessonPath);
            assertThat(export.bytes(lessonPath)).isEqualTo(published);
            assertThat(export.pending(planId)).isFalse();
            assertThat(export.build(other).status()).as("other plans go on").isEqualTo(PublicationStatus.LOCAL_ONLY);
        }
        ExportFixture.ok(export.editor.patch("/api/lessons/" + ids.get("lesson"), Map.of("title", "Writable")));
        assertThat(export.build(planId).status()).isEqualTo(PublicationStatus.LOCAL_ONLY);
        assertThat(export.json(lessonPath).get("title").asText()).isEqualTo("Writable");
    }

    /** A plan whose very first build fails has no version yet: the failure is still recorded whole. */
    @Test
    void aPlansFirstBuildFailingIsRecordedAsFailedWithTheReason() {
        Map<String, String> ids = export.tree();
        // broken before any plan lists the subject, so no build of the plan ever sees it whole
        try (ExportFixture.BrokenLesson ignored = export.breakLessonSchema(ids.get("lesson"))) {
            String planId = export.planOf(ids.get("subject"));

            SyncLogEntry failed = export.build(planId);

            assertThat(failed.status()).isEqualTo(PublicationStatus.FAILED);
            assertThat(failed.error()).contains("schema violation");
            assertThat(export.state(planId).status()).isEqualTo(PublicationStatus.FAILED);
            assertThat(export.state(planId).version()).as("nothing was ever published").isNull();
            assertThat(export.pending(planId)).as("permanent: waits for the next edit").isFalse();
            assertThat(export.files(planId)).isEmpty();
            await().atMost(Duration.ofSeconds(10))
                   .untilAsserted(() -> assertThat(alerts("export-build-failed", planId)).isNotEmpty());
        }
    }

    @Test
    void lowDiskWritesNothingKeepsThePlanPendingAndAlertsOnce() {
        Map<String, String> ids = export.tree();
        String planId = export.planOf(ids.get("subject"));
        export.build(planId);
        long entries = export.logs(planId).size();
        byte[] published = export.bytes(plan(planId, "lessons/" + ids.get("lesson") + ".json"));
        Instant start = clock.instant();

        freeSpace.simulate(new DiskSpace(9, 100));
        ExportFixture.ok(export.editor.patch("/api/lessons/" + ids.get("lesson"), Map.of("title", "Later")));
        export.awaitCaughtUp();
        // a wake-up from an earlier test may still be running a batch: wait for the processor to be free
        BatchRun first = await().atMost(Duration.ofSeconds(30))
                                .until(batch::runNow, run -> run.result() != BatchRun.Result.BUSY);
        BatchRun second = batch.runNow();

        assertThat(first.result()).isEqualTo(BatchRun.Result.PAUSED);
        assertThat(second.result()).isEqualTo(BatchRun.Result.PAUSED);
        assertThat(first.message()).contains("Insufficient disk space: 9.0% free");
        assertThat(export.pending(planId)).isTrue();
        assertThat(export.logs(planId)).as("a pause is not an attempt").hasSize((int) entries);
        assertThat(export.bytes(plan(planId, "lessons/" + ids.get("lesson") + ".json"))).isEqualTo(published);
        List<Map<String, Object>> lowDisk = jdbc.sql("""
                                                     select occurrences from notification
                                                     where dedup_key = 'low-disk:export'
                                                       and resolved_at is null and first_raised_at >= ?
                                                     """)
                                                .param(start.atOffset(java.time.ZoneOffset.UTC))
                                                .query().listOfRows();
        assertThat(lowDisk).as("one open alert, repeats counted on it").hasSize(1);
        assertThat(((Number) lowDisk.get(0).get("occurrences")).intValue()).isGreaterThanOrEqualTo(2);
        JsonNode queue = export.admin.get("/api/admin/export/queue").json();
        assertThat(queue.at("/batch/paused_reason").asText()).contains("Insufficient disk space");

        freeSpace.reset();
        SyncLogEntry resumed = export.build(planId);
        assertThat(resumed.status()).isEqualTo(PublicationStatus.LOCAL_ONLY);
        assertThat(export.json(plan(planId, "lessons/" + ids.get("lesson") + ".json")).get("title").asText())
                .isEqualTo("Later");
        assertThat(export.admin.get("/api/admin/export/queue").json().at("/batch/paused_reason").isMissingNode())
                .isTrue();
    }

    @Test
    void aLockedPlanIsSkippedAndStaysPending() {
        Map<String, String> ids = export.tree();
        String planId = export.planOf(ids.get("subject"));
        export.awaitCaughtUp();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            // a wake-up may be building it already; take the lock once it is free
            var held = locks.tryLockPlan(planId);
            held.ifPresent(lock -> {
                try (lock) {
                    ExportFixture.ok(export.editor.patch("/api/lessons/" + ids.get("lesson"),
                                                         Map.of("title", "Wait")));
                    export.awaitCaughtUp();
                    PlanBuildOutcome outcome = exporter.build(planId, BuildTrigger.MANUAL);
                    assertThat(outcome.kind()).isEqualTo(PlanBuildOutcome.Kind.LOCKED);
                    assertThat(export.pending(planId)).isTrue();
                }
            });
            return held.isPresent();
        });
        assertThat(export.build(planId).status()).isEqualTo(PublicationStatus.LOCAL_ONLY);
        assertThat(export.json(plan(planId, "lessons/" + ids.get("lesson") + ".json")).get("title").asText())
                .isEqualTo("Wait");
    }

    @Test
    void twoBuildersOfOnePlanBuildItOnce() throws Exception {
        Map<String, String> ids = export.tree();
        String planId = export.planOf(ids.get("subject"));
        export.build(planId);
        int before = export.logs(planId).size();
        ExportFixture.ok(export.editor.patch("/api/lessons/" + ids.get("lesson"), Map.of("title", "Twice?")));
        export.awaitCaughtUp();

        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<PlanBuildOutcome>> results = new ArrayList<>();
        try {
            for (int builder = 0; builder < 2; builder++) {
                Callable<PlanBuildOutcome> build = () -> {
                    start.await();
                    return exporter.build(planId, BuildTrigger.MANUAL);
                };
                results.add(pool.submit(build));
            }
            start.countDown();
            for (Future<PlanBuildOutcome> result : results) {
                result.get();
            }
        } finally {
            pool.shutdown();
        }
        export.build(planId);

        assertThat(export.logs(planId)).as("one build for one change").hasSize(before + 1);
        assertThat(export.json(plan(planId, "lessons/" + ids.get("lesson") + ".json")).get("title").asText())
                .isEqualTo("Twice?");
    }

    private List<Map<String, Object>> alerts(String kind, String subject) {
        return jdbc.sql("select * from notification where kind = ? and subject = ?").param(kind).param(subject)
                   .query().listOfRows();
    }
}
