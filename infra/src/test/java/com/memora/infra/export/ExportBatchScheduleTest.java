package com.memora.infra.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.memora.infra.testsupport.Ids;
import com.memora.infra.testsupport.IntegrationTest;
import com.memora.projection.export.pipeline.BatchRun;
import com.memora.projection.export.pipeline.BuildTrigger;
import com.memora.projection.export.pipeline.DirtyPlans;
import com.memora.projection.export.pipeline.ExportBatch;
import com.memora.projection.export.pipeline.ExportLocks;
import com.memora.projection.export.pipeline.PendingPlan;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The batch processor's cadence (decisions O1): the CDN settings' interval and threshold decide when pending plans
 * are built, and marks are consumed only up to what a build read.
 * <p>
 * It saves CDN settings (and puts the values back), so it runs after the classes that expect the unsaved seed
 * ({@code CdnSettingsApiTest}), just before the last check of the suite.
 */
@Order(Integer.MAX_VALUE - 1)
class ExportBatchScheduleTest extends IntegrationTest {

    private static final List<String> SETTINGS_FIELDS = List.of(
            "enabled", "local_fallback_mode", "storage_provider", "endpoint_url", "bucket_name", "cdn_base_url",
            "local_base_url", "cloudflare_zone_id", "batch_interval_minutes", "batch_threshold",
            "signed_url_expiry_hours");

    @Autowired
    ExportBatch batch;
    @Autowired
    ExportLocks locks;
    @Autowired
    DirtyPlans dirtyPlans;

    private ExportFixture export;

    @BeforeEach
    void setUp() {
        export = exportFixture();
    }

    @Test
    void pendingPlansAreBuiltOnceTheIntervalHasPassedOrAtOnceAtTheThreshold() {
        Map<String, Object> original = settings();
        List<String> subjects = List.of(export.tree().get("subject"), export.tree().get("subject"),
                                        export.tree().get("subject"), export.tree().get("subject"));
        List<String> plans = subjects.stream().map(subject -> export.planOf(subject)).toList();
        try {
            saveSettings(10, 3);
            clock.freezeAt(Instant.parse("2031-03-01T08:00:00Z"));
            plans.forEach(export::build); // a run at 08:00: the interval counts from here

            // one change: below the threshold, within the interval
            rename(subjects.get(0), "One");
            export.awaitCaughtUp();
            assertThat(batch.runIfDue().result()).isIn(BatchRun.Result.NOT_DUE, BatchRun.Result.BUSY);
            clock.advance(Duration.ofMinutes(9));
            assertThat(batch.runIfDue().result()).isIn(BatchRun.Result.NOT_DUE, BatchRun.Result.BUSY);
            assertThat(export.pending(plans.get(0))).isTrue();

            clock.advance(Duration.ofMinutes(1));
            awaitBuiltBy(plans.get(0), BuildTrigger.SCHEDULER);

            // three changes: the threshold starts a run within the interval
            rename(subjects.get(1), "Two");
            rename(subjects.get(2), "Three");
            export.awaitCaughtUp();
            assertThat(batch.runIfDue().result()).isIn(BatchRun.Result.NOT_DUE, BatchRun.Result.BUSY);
            rename(subjects.get(3), "Four");
            export.awaitCaughtUp();
            for (String plan : plans.subList(1, 4)) {
                awaitBuiltBy(plan, BuildTrigger.THRESHOLD);
            }
        } finally {
            restoreSettings(original);
        }
    }

    @Test
    void anOperatorsRebuildIsDueAtOnceEvenWhenItsRequestFoundTheBatchBusy() {
        Map<String, Object> original = settings();
        String plan = export.planOf(export.tree().get("subject"));
        try {
            saveSettings(10, 50);
            clock.freezeAt(Instant.parse("2031-04-01T08:00:00Z"));
            export.build(plan); // a run at 08:00: the interval counts from here
            clock.advance(Duration.ofMinutes(1));

            // the request's own run met another one holding the batch; only the manual mark is left of it
            dirtyPlans.mark(List.of(plan), "rebuild requested by an operator", true, clock.instant());

            awaitBuiltBy(plan, BuildTrigger.MANUAL); // the next tick, nine minutes before the interval ends
        } finally {
            restoreSettings(original);
        }
    }

    /** Whoever ran it (this test or a wake-up after a commit), the plan's build says what triggered it. */
    private void awaitBuiltBy(String plan, BuildTrigger trigger) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            batch.runIfDue();
            return !export.pending(plan);
        });
        assertThat(export.latestLog(plan).orElseThrow().trigger()).isEqualTo(trigger);
    }

    @Test
    void aChangeAfterABuildReadItsMarkKeepsThePlanPending() {
        String plan = Ids.node("PLAN");
        try (ExportLocks.Held held = locks.tryLockPlan(plan).orElseThrow()) { // no build may take it meanwhile
            long read = dirtyPlans.mark(List.of(plan), "first change", false, clock.instant()).get(plan);
            long later = dirtyPlans.mark(List.of(plan), "second change", false, clock.instant()).get(plan);

            assertThat(later).isGreaterThan(read);
            assertThat(dirtyPlans.consume(plan, read)).as("a build that read the first change").isFalse();
            PendingPlan pending = dirtyPlans.find(plan).orElseThrow();
            assertThat(pending.changes()).isEqualTo(2);
            assertThat(pending.reason()).isEqualTo("second change");
            assertThat(dirtyPlans.consume(plan, later)).isTrue();
            assertThat(dirtyPlans.find(plan)).isEmpty();
        }
    }

    @Test
    void marksSurviveARestartBecauseTheyAreRowsNotMemory() {
        Map<String, String> ids = export.tree();
        String plan = export.planOf(ids.get("subject"));
        try (ExportLocks.Held held = awaitLock(plan)) {
            export.awaitCaughtUp();
            long marks = jdbc.sql("select count(*) from export_dirty_plan where plan_id = ?").param(plan)
                             .query(Long.class).single();
            assertThat(marks).as("one durable, deduplicated mark for all the plan's changes").isEqualTo(1);
        }
    }

    private ExportLocks.Held awaitLock(String plan) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> locks.tryLockPlan(plan).orElse(null),
                                                            Objects::nonNull);
    }

    private void rename(String subject, String title) {
        ExportFixture.ok(export.editor.patch("/api/subjects/" + subject, Map.of("title", title)));
    }

    private Map<String, Object> settings() {
        JsonNode current = export.admin.get("/api/settings/cdn").json();
        Map<String, Object> body = new LinkedHashMap<>();
        for (String field : SETTINGS_FIELDS) {
            JsonNode value = current.get(field);
            if (value != null && !value.isNull()) {
                body.put(field, value.isNumber() ? value.asInt() : value.isBoolean() ? value.asBoolean()
                                                                                     : value.asText());
            }
        }
        return body;
    }

    private void saveSettings(int intervalMinutes, int threshold) {
        Map<String, Object> body = settings();
        body.put("batch_interval_minutes", intervalMinutes);
        body.put("batch_threshold", threshold);
        ExportFixture.ok(export.admin.put("/api/settings/cdn", body));
    }

    private void restoreSettings(Map<String, Object> original) {
        ExportFixture.ok(export.admin.put("/api/settings/cdn", original));
    }
}
