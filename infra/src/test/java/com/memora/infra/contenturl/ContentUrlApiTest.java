package com.memora.infra.contenturl;

import com.fasterxml.jackson.databind.JsonNode;
import com.memora.infra.settings.CdnSettingsProvider;
import com.memora.infra.testsupport.ApiClient;
import com.memora.infra.testsupport.Ids;
import com.memora.infra.testsupport.IntegrationTest;
import com.memora.infra.testsupport.TestTokens;
import com.memora.projection.export.cdn.CdnHealth;
import com.memora.projection.export.staging.LocalContentStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import static com.memora.infra.cdn.CdnSettingsFixture.CDN_BASE;
import static com.memora.infra.cdn.CdnSettingsFixture.enabledOn;
import static com.memora.infra.cdn.CdnSettingsFixture.save;
import static com.memora.infra.cdn.CdnSettingsFixture.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The URL resolver over HTTP (decisions O4): CDN URLs only while the CDN is enabled, has a base URL, is ready and
 * healthy; local URLs otherwise, and always in fallback mode. Saves CDN settings, so it runs after the classes that
 * expect none saved.
 */
@Order(Order.DEFAULT + 100)
class ContentUrlApiTest extends IntegrationTest {

    private static final String BUCKET = "memora-test";

    @Autowired
    CdnHealth health;

    @Autowired
    CdnSettingsProvider settings;

    @Autowired
    LocalContentStore store;

    private ApiClient admin;
    private ApiClient player;
    private String plan;

    @BeforeEach
    void planAndCdn() {
        admin = api(TestTokens.admin());
        player = api(TestTokens.player("student-" + Ids.node("p")));
        save(admin, enabledOn(BUCKET));
        health.recordSuccess();
        plan = createPlan(api(TestTokens.editor()));
        await().atMost(Duration.ofSeconds(15)).until(() -> player.get(planUrl()).status() == 200);
    }

    static String createPlan(ApiClient editor) {
        String season = Ids.season();
        assertThat(editor.post("/api/seasons", Map.of("id", season, "title", "S", "start_date", "2026-09-01",
                                                      "end_date", "2027-06-30")).status()).isEqualTo(201);
        String id = Ids.node("P");
        ApiClient.Response created = editor.post("/api/plans", Map.of("id", id, "title", "Plan", "season", season,
                                                                      "stream", "SCI", "grade", "G12"));
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        return id;
    }

    private String planUrl() {
        return "/api/plans/" + plan + "/content-url";
    }

    private JsonNode planUrls() {
        ApiClient.Response response = player.get(planUrl());
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        return response.json();
    }

    private String localBase() {
        return "http://localhost:" + port + "/files/memora_content/";
    }

    private void markReady() {
        health.markReady(settings.current().settings(), "full upload and parity (test)");
    }

    @Test
    void urlsGoToTheCdnOnlyWhileItIsEnabledReadyAndHealthy() {
        JsonNode notReady = planUrls();
        assertThat(notReady.get("source").asText()).as("enabled, but never published").isEqualTo("local");
        assertThat(notReady.get("manifest_url").asText()).isEqualTo(localBase() + "plans/" + plan + "/manifest.json");
        assertThat(notReady.get("search_index_url").asText())
                .isEqualTo(localBase() + "plans/" + plan + "/search_index.json");

        markReady();
        JsonNode ready = planUrls();
        assertThat(ready.get("source").asText()).isEqualTo("cdn");
        assertThat(ready.get("manifest_url").asText()).isEqualTo(CDN_BASE + "/plans/" + plan + "/manifest.json");
        assertThat(ready.get("search_index_url").asText()).isEqualTo(CDN_BASE + "/plans/" + plan + "/search_index.json");
        String lesson = "plans/" + plan + "/lessons/L1.json";
        JsonNode one = player.get("/api/content-url?path=" + lesson).json();
        assertThat(one.get("url").asText()).isEqualTo(CDN_BASE + "/" + lesson);
        assertThat(one.get("source").asText()).isEqualTo("cdn");

        for (int i = 0; i < health.failuresBeforeUnhealthy(); i++) {
            health.recordFailure("upload failed (test)");
        }
        assertThat(planUrls().get("source").asText()).as("unhealthy").isEqualTo("local");
        assertThat(player.get("/api/content-url?path=" + lesson).json().get("url").asText())
                .isEqualTo(localBase() + lesson);
        health.recordSuccess();
        assertThat(planUrls().get("source").asText()).as("healthy again").isEqualTo("cdn");

        save(admin, with(enabledOn(BUCKET), "local_fallback_mode", true,
                         "local_base_url", "https://origin.memora.test/files/memora_content"));
        JsonNode fallback = planUrls();
        assertThat(fallback.get("source").asText()).isEqualTo("local");
        assertThat(fallback.get("manifest_url").asText())
                .isEqualTo("https://origin.memora.test/files/memora_content/plans/" + plan + "/manifest.json");

        save(admin, enabledOn(BUCKET));
        assertThat(planUrls().get("source").asText()).as("fallback off; still ready and healthy").isEqualTo("cdn");

        save(admin, with(enabledOn(BUCKET), "cdn_base_url", ""));
        assertThat(planUrls().get("source").asText()).as("no CDN base URL").isEqualTo("local");

        save(admin, with(enabledOn(BUCKET), "enabled", false));
        save(admin, enabledOn(BUCKET));
        assertThat(planUrls().get("source").asText()).as("re-enabled: not ready until the next full upload")
                                                     .isEqualTo("local");
    }

    @Test
    void theLocalUrlServesTheStagedFileToAnyoneWithoutAToken() {
        byte[] manifest = ("{\"plan_id\": \"" + plan + "\"}\n").getBytes(StandardCharsets.UTF_8);
        store.write("plans/" + plan + "/manifest.json", manifest);

        String url = planUrls().get("manifest_url").asText();
        ApiClient.Response fetched = new ApiClient(url.substring(0, url.indexOf("/files/")), null)
                .get(url.substring(url.indexOf("/files/")));

        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.body()).isEqualTo(new String(manifest, StandardCharsets.UTF_8));
    }

    @Test
    void badPathsAndIdsAre400NamingTheFieldAndUnknownPlans404() {
        for (String bad : new String[] {"../etc/passwd", "/etc/passwd", "plans/../../x.json", "plans//x.json",
                                        "plans/" + plan + "/manifest.json.prev", "plans/.hidden", "C:\\x.json"}) {
            ApiClient.Response response = player.get("/api/content-url?path="
                                                     + URLEncoder.encode(bad, StandardCharsets.UTF_8));
            assertThat(response.status()).as(bad).isEqualTo(400);
            assertThat(response.json().get("field").asText()).as(bad).isEqualTo("path");
        }
        ApiClient.Response missing = player.get("/api/content-url");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("field").asText()).isEqualTo("path");
        assertThat(missing.json().get("detail").asText()).contains("path is required");

        ApiClient.Response badId = player.get("/api/plans/bad.id/content-url");
        assertThat(badId.status()).isEqualTo(400);
        assertThat(badId.json().get("field").asText()).isEqualTo("id");
        assertThat(player.get("/api/plans/" + Ids.node("NOPE") + "/content-url").status()).isEqualTo(404);

        assertThat(anonymous().get(planUrl()).status()).isEqualTo(401);
        assertThat(anonymous().get("/api/content-url?path=plans/x.json").status()).isEqualTo(401);
    }

    @Test
    void aTrashedPlanHasNoContentUrls() {
        ApiClient editor = api(TestTokens.editor());
        assertThat(editor.delete("/api/plans/" + plan).status()).isIn(200, 204);
        await().atMost(Duration.ofSeconds(15)).until(() -> player.get(planUrl()).status() == 404);
        assertThat(player.get(planUrl()).json().get("detail").asText()).contains(plan);
    }
}
