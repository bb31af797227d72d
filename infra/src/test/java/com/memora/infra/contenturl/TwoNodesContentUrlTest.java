package com.memora.infra.contenturl;

import com.fasterxml.jackson.databind.JsonNode;
import com.memora.infra.MemoraApplication;
import com.memora.infra.settings.CdnSettingsProvider;
import com.memora.infra.testsupport.ApiClient;
import com.memora.infra.testsupport.IntegrationTest;
import com.memora.infra.testsupport.TestServers;
import com.memora.infra.testsupport.TestTokens;
import com.memora.projection.export.cdn.CdnHealth;
import com.memora.projection.export.staging.LocalContentStore;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static com.memora.infra.cdn.CdnSettingsFixture.enabledOn;
import static com.memora.infra.cdn.CdnSettingsFixture.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two service instances sharing the database and the content root (decisions O4, O7): a settings change or a CDN
 * health change made on one node is seen by the other within a second, and both serve the same local files. The
 * second node is a second Spring application in external mode against the same test servers — the one test of the
 * suite that pays for a second context.
 */
@Order(Order.DEFAULT + 101)
class TwoNodesContentUrlTest extends IntegrationTest {

    private static final String BUCKET = "memora-test";
    private static final Duration WITHIN = Duration.ofSeconds(1);

    @Autowired
    CdnHealth health;

    @Autowired
    CdnSettingsProvider settings;

    @Autowired
    LocalContentStore store;

    private ConfigurableApplicationContext startSecondNode() {
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0", "--memora.embedded.enabled=false", "--memora.scheduling.enabled=false",
                "--memora.node-id=second-node", "--memora.data-dir=" + dataDir(),
                "--memora.secrets.key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
                "--spring.security.oauth2.resourceserver.jwt.public-key-location=" + TestTokens.publicKeyLocation(),
                "--logging.level.root=WARN"));
        TestServers.get().properties((name, value) -> arguments.add("--" + name + "=" + value));
        return new SpringApplicationBuilder(MemoraApplication.class).run(arguments.toArray(String[]::new));
    }

    @Test
    void aChangeMadeOnOneNodeIsSeenOnTheOtherWithinASecondAndBothServeTheSameFiles() {
        ApiClient adminOnA = api(TestTokens.admin());
        String plan = ContentUrlApiTest.createPlan(api(TestTokens.editor()));
        byte[] manifest = ("{\"plan_id\": \"" + plan + "\", \"title\": \"خطة\"}\n").getBytes(StandardCharsets.UTF_8);
        store.write("plans/" + plan + "/manifest.json", manifest);
        com.memora.infra.cdn.CdnSettingsFixture.save(adminOnA, enabledOn(BUCKET));
        health.recordSuccess();
        health.markReady(settings.current().settings(), "full upload and parity (test)");

        try (ConfigurableApplicationContext second = startSecondNode()) {
            String baseB = "http://localhost:" + ((WebServerApplicationContext) second).getWebServer().getPort();
            ApiClient playerOnA = api(TestTokens.player("student-1"));
            ApiClient playerOnB = new ApiClient(baseB, TestTokens.player("student-1"));
            ApiClient adminOnB = new ApiClient(baseB, TestTokens.admin());
            String planUrl = "/api/plans/" + plan + "/content-url";
            await().atMost(Duration.ofSeconds(15)).until(() -> playerOnB.get(planUrl).status() == 200);
            assertThat(source(playerOnA, planUrl)).isEqualTo("cdn");
            assertThat(source(playerOnB, planUrl)).isEqualTo("cdn");

            // fallback switched on node A: node B answers local within a second
            com.memora.infra.cdn.CdnSettingsFixture.save(adminOnA, with(enabledOn(BUCKET), "local_fallback_mode", true));
            await().atMost(WITHIN).pollInterval(Duration.ofMillis(20))
                   .until(() -> source(playerOnB, planUrl).equals("local"));
            JsonNode onB = playerOnB.get(planUrl).json();
            assertThat(onB.get("manifest_url").asText()).startsWith(baseB + "/files/memora_content/");

            // node B serves node A's staged file from the shared content root, byte for byte, same ETag
            String path = "/files/memora_content/plans/" + plan + "/manifest.json";
            ApiClient.Response fromB = playerOnB.anonymous().get(path);
            ApiClient.Response fromA = playerOnA.anonymous().get(path);
            assertThat(fromB.status()).isEqualTo(200);
            assertThat(fromB.body()).isEqualTo(new String(manifest, StandardCharsets.UTF_8));
            assertThat(fromB.headers().firstValue("ETag")).isEqualTo(fromA.headers().firstValue("ETag"));

            // fallback switched off on node B: node A answers cdn within a second
            com.memora.infra.cdn.CdnSettingsFixture.save(adminOnB, enabledOn(BUCKET));
            await().atMost(WITHIN).pollInterval(Duration.ofMillis(20))
                   .until(() -> source(playerOnA, planUrl).equals("cdn"));
            assertThat(source(playerOnB, planUrl)).isEqualTo("cdn");

            // the CDN turns unhealthy on node A (a run of failed uploads): node B falls back too
            for (int i = 0; i < health.failuresBeforeUnhealthy(); i++) {
                health.recordFailure("upload failed (test)");
            }
            await().atMost(WITHIN).pollInterval(Duration.ofMillis(20))
                   .until(() -> source(playerOnB, planUrl).equals("local"));
            health.recordSuccess();
            await().atMost(WITHIN).pollInterval(Duration.ofMillis(20))
                   .until(() -> source(playerOnB, planUrl).equals("cdn"));
        }
    }

    private static String source(ApiClient client, String planUrl) {
        ApiClient.Response response = client.get(planUrl);
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        return response.json().get("source").asText();
    }
}
