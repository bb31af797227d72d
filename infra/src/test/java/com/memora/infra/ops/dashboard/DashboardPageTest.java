package com.memora.infra.ops.dashboard;

import com.memora.infra.testsupport.ApiClient;
import com.memora.infra.testsupport.IntegrationTest;
import com.memora.infra.testsupport.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The dashboard page is public and holds no data; its API is not, and the page may load nothing from elsewhere. */
class DashboardPageTest extends IntegrationTest {

    @Test
    void thePageIsServedToAnyoneWithAStrictContentSecurityPolicy() {
        ApiClient browser = anonymous().withHeader("Accept", "text/html");
        ApiClient.Response redirect = browser.get("/admin");
        assertThat(redirect.status()).isEqualTo(302);
        assertThat(redirect.headers().firstValue("Location").orElseThrow()).endsWith("/admin/");

        ApiClient.Response page = browser.get("/admin/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("<title>Memora operations</title>", "dashboard.js");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
                .isEqualTo(DashboardPage.CONTENT_SECURITY_POLICY).contains("script-src 'self'");
        assertThat(browser.get("/admin/dashboard.js").status()).isEqualTo(200);
        assertThat(browser.get("/admin/dashboard.css").status()).isEqualTo(200);
    }

    @Test
    void thePageAcceptsNoWritesAndItsDataNeedsAnAdmin() {
        assertThat(anonymous().post("/admin/", "{}").status()).isIn(401, 403);
        assertThat(anonymous().get("/api/admin/export/queue").status()).isEqualTo(401);
        assertThat(anonymous().get("/admin/nothing-here.js").status()).isEqualTo(404);
    }

    @Test
    void theProjectionsListShowsEveryStreamingProjectionWithItsLagAndParkedEvents() {
        assertThat(api(TestTokens.editor()).get("/api/admin/processors").status()).isEqualTo(403);
        JsonNode answer = api(TestTokens.admin()).get("/api/admin/processors").json();
        List<String> groups = new ArrayList<>();
        answer.get("processors").forEach(processor -> groups.add(processor.get("processing_group").asText()));
        assertThat(groups).contains("content", "seasons").isSorted();
        JsonNode content = answer.get("processors").get(groups.indexOf("content"));
        assertThat(content.get("running").asBoolean()).isTrue();
        assertThat(content.get("lag").asLong()).isBetween(0L, answer.get("head").asLong() + 1);
        assertThat(content.get("dead_letters").asLong()).isNotNegative();
        assertThat(content.get("percent").asDouble()).isBetween(0.0, 100.0);
    }
}
