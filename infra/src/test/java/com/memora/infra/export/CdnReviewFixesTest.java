package com.memora.infra.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.memora.infra.testsupport.ApiClient;
import com.memora.infra.testsupport.IntegrationTest;
import com.memora.infra.testsupport.TestServers;
import com.memora.infra.testsupport.TestTokens;
import com.memora.projection.export.cdn.CdnHealth;
import com.memora.projection.export.pipeline.BuildTrigger;
import com.memora.projection.export.pipeline.ExportBatch;
import com.memora.projection.export.pipeline.PublicationStatus;
import com.memora.projection.export.pipeline.SyncLogEntry;
import com.memora.projection.export.publication.CdnDebtState;
import com.memora.projection.export.publication.CdnDebts;
import com.memora.projection.export.publication.CdnPublicationTick;
import com.memora.projection.export.publication.CdnPublications;
import com.memora.projection.export.publication.CdnReadiness;
import com.memora.projection.export.publication.OwedPublication;
import com.memora.projection.settings.CdnSettingsStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import static com.memora.infra.cdn.CdnSettingsFixture.enabledOn;
import static com.memora.infra.cdn.CdnSettingsFixture.save;
import static com.memora.infra.cdn.CdnSettingsFixture.with;
import static com.memora.infra.export.ExportFixture.plan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The review findings on CDN publishing: per-plan URL decisions, keys cleared while the CDN stays enabled, removals
 * during a retry wait, dead letters and failures after a new target, and a content root that is empty or missing.
 * Real s3proxy, real PostgreSQL, the service's clock moved by the test. Saves CDN settings and resets readiness, so
 * it runs after the other CDN wiring classes.
 */
@Order(Order.DEFAULT + 94)
class CdnReviewFixesTest extends IntegrationTest {

    private static final TestBucket BUCKET = new TestBucket("cdnfix-review");
    private static final TestBucket OTHER_BUCKET = new TestBucket("cdnfix-review-other");

    @Autowired
    ExportBatch batch;
    @Autowired
    CdnDebts debts;
    @Autowired
    CdnPublications publications;
    @Autowired
    CdnPublicationTick tick;
    @Autowired
    CdnHealth health;
    @Autowired
    CdnSettingsStore settingsStore;

    private ExportFixture export;
    private ApiClient player;

    @BeforeEach
    void cdnOnTheTestServer() {
        export = exportFixture();
        player = api(TestTokens.player("student-cdnfix"));
        save(export.admin, enabledOn(BUCKET.name));
        health.recordSuccess();
        clock.freezeAt(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }

    // ---- 1: a plan whose CDN copy is stale or missing gets local URLs ------------------------------------------

    @Test
    void aPlanWaitingForARetryGetsLocalUrlsWithTheReasonWhileOtherPlansStayOnTheCdn() {
        Map<String, String> ids = export.tree();
        String waiting = export.planOf(ids.get("subject"));
        String current = export.planOf(export.tree().get("subject"));
        assertThat(export.build(waiting).status()).isEqualTo(PublicationStatus.SUCCESS);
        assertThat(export.build(current).status()).isEqualTo(PublicationStatus.SUCCESS);
        awaitReady();
        assertThat(source(waiting)).isEqualTo("cdn");

        TestServers.get().interruptS3();
        try {
            ExportFixture.ok(export.editor.patch("/api/lessons/" + ids.get("lesson"), Map.of("title", "Newer")));
            assertThat(export.build(waiting).status()).isEqualTo(PublicationStatus.RETRY_WAIT);
        } finally {
            TestServers.get().resumeS3();
        }
        health.recordSuccess(); // one failure keeps the CDN healthy anyway; the rule is per plan, not global
        assertThat(health.status().servesContent(settingsStore.current().settings())).as("the CDN serves content").isTrue();

        JsonNode stale = player.get("/api/plans/" + waiting + "/content-url").json();
        assertThat(stale.get("source").asText()).as("its CDN copy is stale").isEqualTo("local");
        assertThat(stale.get("reason").asText()).contains(waiting).contains("retry");
        assertThat(stale.get("manifest_url").asText()).contains("/files/memora_content/" + plan(waiting, "manifest.json"));
        JsonNode byPath = player.get("/api/content-url?path=" + plan(waiting, "lessons/" + ids.get("lesson")
                                                                          + ".json")).json();
        assertThat(byPath.get("source").asText()).as("the path rule is the plan's").isEqualTo("local");
        assertThat(byPath.get("reason").asText()).contains("retry");
        assertThat(source(current)).as("a plan that owes nothing stays on the CDN").isEqualTo("cdn");
        assertThat(player.get("/api/content-url?path=" + plan(current, "manifest.json")).json().get("source")
                         .asText()).isEqualTo("cdn");

        clock.advance(Duration.ofSeconds(30));
        publications.runDue();
        assertThat(export.state(waiting).status()).isEqualTo(PublicationStatus.SUCCESS);
        JsonNode recovered = player.get("/api/plans/" + waiting + "/content-url").json();
        assertThat(recovered.get("source").asText()).as("published again").isEqualTo("cdn");
        assertThat(recovered.has("reason")).isFalse();
    }

    // ---- 2 and 4: keys cleared while enabled; a failed plan after a new target ----------------------------------

    @Test
    void clearingTheKeyKeepsWhatIsOwedFailsWithTheReasonAndRestoringItBringsTheBucketLevel() {
        // an endpoint spelled unlike the deployment's own, so the deployment's S3 keys never stand in for cleared ones
        Map<String, Object> settings = with(enabledOn(BUCKET.name), "endpoint_url",
                                            TestServers.get().s3Endpoint().replace("127.0.0.1", "localhost"));
        save(export.admin, settings);
        Map<String, String> ids = export.tree();
        String planId = export.planOf(ids.get("subject"));
        assertThat(export.build(planId).status()).isEqualTo(PublicationStatus.SUCCESS);
        awaitReady();
        assertThat(source(planId)).isEqualTo("cdn");

        save(export.admin, with(settings, "secret_key", ""));
        assertThat(health.status().ready()).as("readiness resets when a key is cleared").isFalse();
        assertThat(health.status().readinessNote()).contains("secret_key");
        assertThat(source(planId)).as("enabled but not configured: local").isEqualTo("local");
        // even a readiness mark that slipped in after the reset (a parity check finishing on another node) does not
        // send URLs to a bucket nothing can be published to
        health.markReady(settingsStore.current().settings(), "test: a mark racing the reset");
        assertThat(source(planId)).as("the resolver uses the effective switch").isEqualTo("local");
        ExportFixture.ok(export.editor.patch("/api/lessons/" + ids.get("lesson"), Map.of("title", "Keyless")));
        SyncLogEntry keyless = export.build(planId);

        assertThat(keyless.status()).as("not LOCAL_ONLY: the CDN is on and owed").isEqualTo(PublicationStatus.FAILED);
        assertThat(keyless.error()).contains("secret_key");
        OwedPublication owed = debts.find(planId).orElseThrow();
        assertThat(owed.state()).isEqualTo(CdnDebtState.FAILED);
        assertThat(owed.uploads()).as("the changed files stay owed")
                                  .contains(plan(planId, "lessons/" + ids.get("lesson") + ".json"));

        save(export.admin, settings);
        awaitReady();

        BUCKET.assertHoldsExactly(export, planId);
        assertThat(debts.find(planId)).isEmpty();
        assertThat(source(planId)).isEqualTo("cdn");
    }

    @Test
    void aDeadLetteredPlanIsOwedAgainWhenTheBucketChangesAndReadinessIsReached() {
        Map<String, String> ids = export.tree();
        String planId = export.planOf(ids.get("subject"));
        TestServers.get().interruptS3();
        try {
            SyncLogEntry entry = export.build(planId);
            while (entry.status() == PublicationStatus.RETRY_WAIT) {
                clock.advance(Duration.between(clock.instant(), entry.nextRetryAt()));
                publications.runDue();
                entry = export.latestLog(planId).orElseThrow();
            }
            assertThat(entry.status()).isEqualTo(PublicationStatus.DEAD_LETTER);
        } finally {
            TestServers.get().resumeS3();
        }
        assertThat(debts.find(planId).orElseThrow().state()).isEqualTo(CdnDebtState.DEAD_LETTER);

        save(export.admin, enabledOn(OTHER_BUCKET.name));
        awaitReady();

        OTHER_BUCKET.assertHoldsExactly(export, planId);
        assertThat(debts.find(planId)).as("published on the new bucket, nothing owed").isEmpty();
        assertThat(export.state(planId).status()).isEqualTo(PublicationStatus.SUCCESS);
        assertThat(export.latestLog(planId).orElseThrow().attempt()).as("a fresh counter").isEqualTo(1);
    }

    // ---- 3: removals do not wait for the retry --------------------------------------------------------------------

    @Test
    void trashedContentAndATrashedPlanLeaveTheBucketAtOnceWhileThePlanWaitsForItsRetry() {
        Map<String, String> ids = export.tree();
        String planId = export.planOf(ids.get("subject"));
        assertThat(export.build(planId).status()).isEqualTo(PublicationStatus.SUCCESS);
        TestServers.get().interruptS3();
        SyncLogEntry failed;
        try {
            ExportFixture.ok(export.editor.patch("/api/lessons/" + ids.get("lesson"), Map.of("title", "Pending")));
            failed = export.build(planId);
        } finally {
            TestServers.get().resumeS3();
        }
        assertThat(failed.status()).isEqualTo(PublicationStatus.RETRY_WAIT);

        String trashed = plan(planId, "lessons/" + ids.get("lesson2") + ".json");
        assertThat(BUCKET.plan(planId)).containsKey(trashed);
        ExportFixture.ok(export.editor.delete("/api/lessons/" + ids.get("lesson2")));

        await("the trashed lesson leaves the bucket before the retry").atMost(Duration.ofSeconds(15))
                .until(() -> !BUCKET.plan(planId).containsKey(trashed));
        SyncLogEntry removal = export.finishedLog(planId, BuildTrigger.REMOVAL);
        assertThat(removal.filesDeletedCdn()).isEqualTo(1);
        assertThat(removal.status()).as("the removal keeps the plan's status").isEqualTo(PublicationStatus.RETRY_WAIT);
        OwedPublication waiting = debts.find(planId).orElseThrow();
        assertThat(waiting.state()).as("uploads still wait").isEqualTo(CdnDebtState.RETRY_WAIT);
        assertThat(waiting.failedAttempts()).as("the counter is untouched").isEqualTo(1);
        assertThat(waiting.nextRetryAt()).isEqualTo(failed.nextRetryAt());
        assertThat(waiting.deletes()).as("the deletion is no longer owed").doesNotContain(trashed);
        assertThat(waiting.uploads()).contains(plan(planId, "lessons/" + ids.get("lesson") + ".json"));

        ExportFixture.ok(export.editor.delete("/api/plans/" + planId));
        await("a trashed plan's folder leaves the bucket before the retry").atMost(Duration.ofSeconds(30))
                .until(() -> {
                    batch.runNow();
                    return BUCKET.plan(planId).isEmpty();
                });
        assertThat(clock.instant()).as("no retry ran").isBefore(failed.nextRetryAt());
    }

    // ---- 5: an empty or missing content root never empties the bucket --------------------------------------------

    @Test
    void aLivePlanWithoutLocalFilesIsNeverDeletedFromTheBucketAndAnEmptyRootDeletesNoStrayKeys() {
        Map<String, String> ids = export.tree();
        String planId = export.planOf(ids.get("subject"));
        assertThat(export.build(planId).status()).isEqualTo(PublicationStatus.SUCCESS);
        Map<String, String> published = BUCKET.plan(planId);
        assertThat(published).hasSize(6);
        String stray = "plans/stray-" + planId + ".json";
        BUCKET.put(stray, "{}".getBytes(StandardCharsets.UTF_8));

        Path plans = contentRoot().resolve("plans");
        Path aside = contentRoot().resolveSibling("plans-unmounted-" + planId);
        move(plans, aside); // the shared volume is not mounted: the content root holds no plan folders at all
        try {
            health.resetReadiness("test: a node whose content volume is not mounted");
            CdnReadiness.Check check = tick.run().readiness();
            assertThat(check.state()).isNotEqualTo(CdnReadiness.State.READY);
            assertThat(BUCKET.etags("plans/")).as("stray keys are kept while the root is empty").containsKey(stray);

            publications.runDue();
            SyncLogEntry entry = export.latestLog(planId).orElseThrow();
            assertThat(entry.status()).isEqualTo(PublicationStatus.FAILED);
            assertThat(entry.error()).contains("of live plan " + planId).contains("is the content volume mounted");
            assertThat(BUCKET.plan(planId)).as("the bucket keeps the live plan's files").isEqualTo(published);
            assertThat(jdbc.sql("select count(*) from notification where kind = 'cdn-publication-failed'"
                                + " and subject = ?").param(planId).query(Long.class).single()).isPositive();
        } finally {
            move(aside, plans);
        }

        health.resetReadiness("test: the volume is back");
        awaitReady();
        BUCKET.assertHoldsExactly(export, planId);
        assertThat(BUCKET.etags("plans/")).as("with plan folders present, stray keys go").doesNotContainKey(stray);
    }

    private Path contentRoot() {
        return dataDir().resolve("content");
    }

    private static void move(Path from, Path to) {
        try {
            Files.move(from, to);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the publication tick, as the scheduler does every 15 s, until the CDN is ready. */
    private void awaitReady() {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
               .until(() -> tick.run().readiness().state() == CdnReadiness.State.READY);
    }

    private String source(String planId) {
        ApiClient.Response urls = player.get("/api/plans/" + planId + "/content-url");
        assertThat(urls.status()).as("%s", urls).isEqualTo(200);
        return urls.json().get("source").asText();
    }
}
