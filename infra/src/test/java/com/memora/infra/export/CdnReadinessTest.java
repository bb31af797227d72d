package com.memora.infra.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.memora.infra.testsupport.ApiClient;
import com.memora.infra.testsupport.IntegrationTest;
import com.memora.infra.testsupport.TestServers;
import com.memora.infra.testsupport.TestTokens;
import com.memora.projection.export.cdn.CdnHealth;
import com.memora.projection.export.cdn.Md5;
import com.memora.projection.export.pipeline.BuildTrigger;
import com.memora.projection.export.pipeline.PublicationStatus;
import com.memora.projection.export.publication.CdnPublicationTick;
import com.memora.projection.export.publication.CdnPublications;
import com.memora.projection.export.publication.CdnReadiness;
import com.memora.projection.export.staging.LocalContentStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;

import static com.memora.infra.cdn.CdnSettingsFixture.CDN_BASE;
import static com.memora.infra.cdn.CdnSettingsFixture.enabledOn;
import static com.memora.infra.cdn.CdnSettingsFixture.save;
import static com.memora.infra.cdn.CdnSettingsFixture.with;
import static com.memora.infra.export.ExportFixture.plan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Readiness and fallback driven by the pipeline (decisions O4): enabling the CDN on a bucket queues a full sync of
 * every plan, then a parity check; only then do content URLs point at the CDN. Failed publications make it unhealthy
 * (URLs fall back to the local origin by themselves) and a successful retry brings them back. The parity check on
 * request names what differs. Saves CDN settings, so it runs after the classes that expect none saved.
 */
@Order(Order.DEFAULT + 92)
class CdnReadinessTest extends IntegrationTest {

    private static final TestBucket BUCKET = new TestBucket("cdnwire-readiness");

    @Autowired
    CdnPublicationTick tick;
    @Autowired
    CdnPublications publications;
    @Autowired
    CdnHealth health;
    @Autowired
    LocalContentStore store;

    private ExportFixture export;
    private ApiClient player;

    @BeforeEach
    void cdnOnAFreshBucket() {
        export = exportFixture();
        player = api(TestTokens.player("student-readiness"));
        // switched off and on again: not ready until the next full sync and parity check
        save(export.admin, with(enabledOn(BUCKET.name), "enabled", false));
        save(export.admin, enabledOn(BUCKET.name));
        health.recordSuccess();
    }

    @Test
    void urlsPointAtTheCdnOnlyAfterAFullSyncOfEveryPlanAndACleanParityCheckAndFollowItsHealth() {
        BUCKET.put("plans/stray.json", "{}".getBytes(StandardCharsets.UTF_8));
        BUCKET.put("plans/GONE-PLAN/manifest.json", "{}".getBytes(StandardCharsets.UTF_8));
        Map<String, String> ids = export.tree();
        String planId = export.planOf(ids.get("subject"));
        assertThat(export.build(planId).status()).isEqualTo(PublicationStatus.SUCCESS);
        assertThat(source(planId)).as("published, but the CDN is not ready").isEqualTo("local");

        awaitReady();

        assertThat(BUCKET.etags("plans/")).as("the bucket's tree is the local tree").isEqualTo(localTree());
        assertThat(export.logs(planId)).as("the readiness round's full sync of the plan").anySatisfy(entry -> {
            assertThat(entry.trigger()).isEqualTo(BuildTrigger.CDN_SYNC);
            assertThat(entry.status()).isEqualTo(PublicationStatus.SUCCESS);
        });
        JsonNode parity = export.admin.get("/api/admin/export/parity").json();
        assertThat(parity.get("trigger").asText()).isEqualTo(CdnReadiness.READINESS);
        assertThat(parity.at("/last_check/clean").asBoolean()).isTrue();
        assertThat(parity.at("/last_check/local_files").asInt()).isEqualTo(localTree().size());
        assertThat(parity.get("cdn_ready").asBoolean()).isTrue();
        JsonNode urls = player.get("/api/plans/" + planId + "/content-url").json();
        assertThat(urls.get("source").asText()).isEqualTo("cdn");
        assertThat(urls.get("manifest_url").asText()).isEqualTo(CDN_BASE + "/" + plan(planId, "manifest.json"));

        // publications fail: after three in a row the CDN is unhealthy and URLs fall back to the local origin
        clock.freezeAt(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        TestServers.get().interruptS3();
        ExportFixture.ok(export.editor.patch("/api/lessons/" + ids.get("lesson"), Map.of("title", "While down")));
        assertThat(export.build(planId).status()).isEqualTo(PublicationStatus.RETRY_WAIT);
        clock.advance(Duration.ofSeconds(30));
        publications.runDue();
        clock.advance(Duration.ofMinutes(1));
        publications.runDue();
        assertThat(health.status().healthy()).isFalse();
        assertThat(source(planId)).as("unhealthy: local, by itself").isEqualTo("local");

        TestServers.get().resumeS3();
        clock.advance(Duration.ofMinutes(2));
        publications.runDue();
        assertThat(export.state(planId).status()).isEqualTo(PublicationStatus.SUCCESS);
        assertThat(health.status().healthy()).isTrue();
        assertThat(source(planId)).as("healthy again, still ready").isEqualTo("cdn");
        BUCKET.assertHoldsExactly(export, planId);

        save(export.admin, with(enabledOn(BUCKET.name), "local_fallback_mode", true));
        assertThat(source(planId)).as("fallback mode").isEqualTo("local");
        save(export.admin, enabledOn(BUCKET.name));
        assertThat(source(planId)).isEqualTo("cdn");
    }

    @Test
    void aParityCheckOnRequestNamesTheFilesMissingExtraAndMismatchedOnTheCdn() {
        Map<String, String> ids = export.tree();
        String planId = export.planOf(ids.get("subject"));
        export.build(planId);
        awaitReady();

        JsonNode clean = runParity();
        assertThat(clean.get("trigger").asText()).isEqualTo(CdnReadiness.OPERATOR);
        assertThat(clean.at("/last_check/clean").asBoolean()).isTrue();
        assertThat(clean.at("/last_check/missing_on_cdn_count").asInt()).isZero();

        String ghost = plan(planId, "lessons/GHOST.json");
        String unit = plan(planId, "units/" + ids.get("unit") + ".json");
        String manifest = plan(planId, "manifest.json");
        byte[] other = "{\"not\": \"the manifest\"}\n".getBytes(StandardCharsets.UTF_8);
        BUCKET.put(ghost, "{}".getBytes(StandardCharsets.UTF_8));
        BUCKET.remove(unit);
        BUCKET.put(manifest, other);

        JsonNode report = runParity().get("last_check");
        assertThat(report.get("clean").asBoolean()).isFalse();
        assertThat(report.get("missing_on_cdn_count").asInt()).isEqualTo(1);
        assertThat(report.get("missing_on_cdn").get(0).asText()).isEqualTo(unit);
        assertThat(report.get("extra_on_cdn_count").asInt()).isEqualTo(1);
        assertThat(report.get("extra_on_cdn").get(0).asText()).isEqualTo(ghost);
        assertThat(report.get("mismatched_count").asInt()).isEqualTo(1);
        JsonNode mismatch = report.get("mismatched").get(0);
        assertThat(mismatch.get("path").asText()).isEqualTo(manifest);
        assertThat(mismatch.get("local_md5").asText()).isEqualTo(Md5.hex(export.bytes(manifest)));
        assertThat(mismatch.get("cdn_etag").asText()).isEqualTo(Md5.hex(other));

        save(export.admin, with(enabledOn(BUCKET.name), "enabled", false));
        ApiClient.Response disabled = export.admin.post("/api/admin/export/parity", null);
        assertThat(disabled.status()).isEqualTo(409);
        assertThat(disabled.json().get("type").asText()).isEqualTo("urn:memora:problem:cdn-disabled");
        assertThat(export.editor.get("/api/admin/export/parity").status()).as("operators only").isEqualTo(403);
    }

    /** Runs the publication tick, as the scheduler does every 15 s, until the CDN is ready. */
    private void awaitReady() {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
               .until(() -> tick.run().readiness().state() == CdnReadiness.State.READY);
    }

    private JsonNode runParity() {
        ApiClient.Response started = export.admin.post("/api/admin/export/parity", null);
        assertThat(started.status()).as("%s", started).isEqualTo(202);
        String job = started.json().get("status_url").asText();
        await().atMost(Duration.ofSeconds(60))
               .until(() -> export.admin.get(job).json().get("state").asText().equals("SUCCEEDED"));
        return export.admin.get("/api/admin/export/parity").json();
    }

    private String source(String planId) {
        ApiClient.Response urls = player.get("/api/plans/" + planId + "/content-url");
        assertThat(urls.status()).as("%s", urls).isEqualTo(200);
        return urls.json().get("source").asText();
    }

    private Map<String, String> localTree() {
        Map<String, String> tree = new TreeMap<>();
        for (String path : store.list()) {
            if (path.startsWith("plans/")) {
                store.read(path).ifPresent(bytes -> tree.put(path, Md5.hex(bytes)));
            }
        }
        return tree;
    }
}
