package com.memora.infra.metrics;

import com.memora.infra.axon.FailingTestProjection;
import com.memora.infra.export.ExportFixture;
import com.memora.infra.testsupport.ApiClient;
import com.memora.infra.testsupport.Ids;
import com.memora.infra.testsupport.IntegrationTest;
import com.memora.infra.testsupport.TestTokens;
import com.memora.projection.export.pipeline.DirtyPlans;
import com.memora.projection.export.pipeline.ExportBatch;
import com.memora.projection.export.pipeline.ExportLocks;
import com.memora.projection.export.staging.DiskSpace;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 8 point 4: the Micrometer meters move with the work they count, and Prometheus reads them at
 * {@code /actuator/prometheus} (ADMIN only).
 */
class OperationsMetricsTest extends IntegrationTest {

    @Autowired
    ExportBatch batch;
    @Autowired
    ExportLocks locks;
    @Autowired
    DirtyPlans dirtyPlans;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    CircuitBreaker reviewQueuesCircuitBreaker;
    @Autowired
    FailingTestProjection failingProjection;

    private ApiClient admin;
    private ExportFixture export;

    @BeforeEach
    void setUp() {
        admin = api(TestTokens.admin());
        export = exportFixture(admin);
    }

    private PrometheusScrape scrape() {
        return PrometheusScrape.of(admin);
    }

    @Test
    void onlyAdministratorsReadTheMetrics() {
        assertThat(anonymous().withHeader("Accept", "text/plain").get("/actuator/prometheus").status())
                .isEqualTo(401);
        assertThat(api(TestTokens.editor()).withHeader("Accept", "text/plain").get("/actuator/prometheus").status())
                .isEqualTo(403);
        assertThat(scrape().text()).contains("# TYPE memora_export_queue_pending gauge",
                                             "memora_projection_lag{processing_group=\"content\"}",
                                             "memora_srs_safe_mode", "memora_content_disk_free_percent");
    }

    @Test
    void buildsAndTheExportQueueAreCountedAsTheyHappen() {
        Map<String, String> ids = export.tree();
        String planId = export.planOf(ids.get("subject"));
        double built = orZero(scrape().value("memora_export_builds_seconds_count", Map.of("status", "LOCAL_ONLY")));

        // a plan held by another build waits: the queue shows it
        export.awaitCaughtUp();
        try (ExportLocks.Held held = awaitLock(planId)) {
            dirtyPlans.mark(List.of(planId), "metrics test", false, clock.instant());
            batch.runNow();
            assertThat(dirtyPlans.find(planId)).isPresent();
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                    scrape().value("memora_export_queue_pending")).isGreaterThanOrEqualTo(1));
        }
        export.build(planId);

        PrometheusScrape after = scrape();
        assertThat(after.value("memora_export_builds_seconds_count", Map.of("status", "LOCAL_ONLY")))
                .isGreaterThanOrEqualTo(built + 1);
        // the per-status gauge queries the database at most every 2 s
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                scrape().value("memora_export_plans", Map.of("status", "LOCAL_ONLY"))).isGreaterThanOrEqualTo(1));
        assertThat(after.value("memora_export_publication_retries_total")).as("registered at start").isNotNaN();
        assertThat(after.value("memora_export_publication_dead_letters_total")).isNotNaN();
    }

    @Test
    void reviewSubmissionsAndTheirAnswersAreCountedRepeatsApart() {
        String season = Ids.season();
        assertThat(api(TestTokens.editor()).post("/api/seasons", Map.of(
                "id", season, "title", "Metrics", "start_date", "2026-09-01", "end_date", "2027-06-30",
                "enable_redis", true)).status()).isEqualTo(201);
        PrometheusScrape before = scrape();
        Map<String, Object> body = Map.of("submission_id", "sub-" + UUID.randomUUID(), "season", season,
                                          "answers", List.of(Map.of("question_id", "Q1", "rating", 3),
                                                             Map.of("question_id", "Q2", "rating", 1)));
        ApiClient player = api(TestTokens.player("metrics-" + UUID.randomUUID()));
        assertThat(player.post("/api/reviews", body).status()).isEqualTo(200);
        assertThat(player.post("/api/reviews", body).status()).isEqualTo(200); // the same submission again

        PrometheusScrape after = scrape();
        assertThat(after.value("memora_srs_review_submissions_total", Map.of("repeated", "false")))
                .isEqualTo(orZero(before.value("memora_srs_review_submissions_total", Map.of("repeated", "false")))
                           + 1);
        assertThat(after.value("memora_srs_review_submissions_total", Map.of("repeated", "true")))
                .isEqualTo(orZero(before.value("memora_srs_review_submissions_total", Map.of("repeated", "true")))
                           + 1);
        assertThat(after.value("memora_srs_review_answers_total"))
                .isEqualTo(orZero(before.value("memora_srs_review_answers_total")) + 2);
    }

    @Test
    void safeModeShowsWhileTheReviewQueuesAreCutOff() {
        assertThat(scrape().value("memora_srs_safe_mode")).isZero();
        reviewQueuesCircuitBreaker.transitionToForcedOpenState();
        try {
            assertThat(scrape().value("memora_srs_safe_mode")).isEqualTo(1);
        } finally {
            reviewQueuesCircuitBreaker.transitionToClosedState();
        }
        assertThat(scrape().value("memora_srs_safe_mode")).isZero();
    }

    @Test
    void projectionLagIsTheEventsAProjectionHasNotHandledYet() {
        StreamingEventProcessor seasons = processing.eventProcessor("seasons", StreamingEventProcessor.class)
                                                    .orElseThrow();
        await().atMost(Duration.ofSeconds(30)).until(() -> lag("seasons") == 0);
        seasons.shutDown();
        try {
            for (int i = 0; i < 3; i++) {
                assertThat(api(TestTokens.editor()).post("/api/seasons", Map.of(
                        "id", Ids.season(), "title", "Lagging", "start_date", "2026-09-01",
                        "end_date", "2027-06-30")).status()).isEqualTo(201);
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> lag("seasons") >= 3);
        } finally {
            seasons.start();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> lag("seasons") == 0);
    }

    @Test
    void eventsParkedInADeadLetterQueueAreCountedPerProjection() {
        Map<String, String> group = Map.of("processing_group", FailingTestProjection.GROUP);
        double before = orZero(scrape().value("memora_projection_dead_letters", group));
        String poison = Ids.season();
        api(TestTokens.editor()).post("/api/seasons", Map.of("id", poison, "title", "POISON",
                                                             "start_date", "2026-01-01", "end_date", "2026-12-31"));
        await().atMost(Duration.ofSeconds(15)).until(() -> scrape().value("memora_projection_dead_letters", group)
                                                           == before + 1);
        failingProjection.healed = true;
        try {
            processing.sequencedDeadLetterProcessor(FailingTestProjection.GROUP).orElseThrow().processAny();
        } finally {
            failingProjection.healed = false;
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> scrape().value("memora_projection_dead_letters", group)
                                                           == before);
    }

    @Test
    void theContentDiskGaugeFollowsTheVolume() {
        freeSpace.simulate(new DiskSpace(7, 100));
        await().atMost(Duration.ofSeconds(10))
               .until(() -> scrape().value("memora_content_disk_free_percent") == 7.0);
    }

    /** A wake-up after a commit may be building the plan right now; its lock is free once that build ends. */
    private ExportLocks.Held awaitLock(String planId) {
        AtomicReference<ExportLocks.Held> held = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            locks.tryLockPlan(planId).ifPresent(held::set);
            return held.get() != null;
        });
        return held.get();
    }

    private double lag(String group) {
        return scrape().value("memora_projection_lag", Map.of("processing_group", group));
    }

    private static double orZero(double value) {
        return Double.isNaN(value) ? 0 : value;
    }
}
