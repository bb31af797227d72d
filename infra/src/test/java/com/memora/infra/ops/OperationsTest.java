package com.memora.infra.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.memora.infra.testsupport.ApiClient;
import com.memora.infra.testsupport.IntegrationTest;
import com.memora.infra.testsupport.TestTokens;
import com.memora.kernel.ops.Alert;
import com.memora.kernel.ops.AlertSeverity;
import com.memora.kernel.ops.Alerts;
import com.memora.kernel.ops.BackgroundJobs;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class OperationsTest extends IntegrationTest {

    @Autowired
    Alerts alerts;

    @Autowired
    BackgroundJobs jobs;

    @Test
    void repeatedAlertsAreStoredOnceAndCounted() {
        String subject = "disk-" + UUID.randomUUID();
        for (int i = 0; i < 5; i++) {
            alerts.raise(Alert.of("low-disk", AlertSeverity.CRITICAL, subject, "7.5% free"));
        }
        JsonNode list = api(TestTokens.admin()).get("/api/admin/notifications?kind=low-disk").json()
                                               .get("notifications");
        JsonNode mine = null;
        for (JsonNode notification : list) {
            if (notification.get("subject").asText().equals(subject)) {
                assertThat(mine).as("one notification for five raises").isNull();
                mine = notification;
            }
        }
        assertThat(mine).isNotNull();
        assertThat(mine.get("occurrences").asInt()).isEqualTo(5);
        assertThat(mine.get("severity").asText()).isEqualTo("CRITICAL");

        clock.advance(Duration.ofHours(2));
        alerts.raise(Alert.of("low-disk", AlertSeverity.CRITICAL, subject, "6% free"));
        long stored = jdbc.sql("select count(*) from notification where subject = ?").param(subject)
                          .query(Long.class).single();
        assertThat(stored).as("outside the de-duplication window it is a new alert").isEqualTo(2);
    }

    @Test
    void aJobReportsProgressAndItsResult() {
        CountDownLatch halfway = new CountDownLatch(1);
        CountDownLatch proceed = new CountDownLatch(1);
        UUID id = jobs.submit("test", "counts to ten", progress -> {
            for (int i = 1; i <= 10; i++) {
                progress.update(i, 10, "at " + i, Map.of("players", i * 2));
                if (i == 5) {
                    halfway.countDown();
                    proceed.await(10, TimeUnit.SECONDS);
                }
            }
            return Map.of("counted", 10);
        });
        ApiClient admin = api(TestTokens.admin());
        await().atMost(Duration.ofSeconds(5)).until(() -> halfway.getCount() == 0);
        await().atMost(Duration.ofSeconds(5)).until(
                () -> admin.get("/api/admin/jobs/" + id).json().get("done").asLong() == 5);
        JsonNode running = admin.get("/api/admin/jobs/" + id).json();
        assertThat(running.get("state").asText()).isEqualTo("RUNNING");
        assertThat(running.get("percent").asDouble()).isEqualTo(50.0);
        assertThat(running.at("/details/players").asInt()).isEqualTo(10);

        proceed.countDown();
        await().atMost(Duration.ofSeconds(5)).until(
                () -> admin.get("/api/admin/jobs/" + id).json().get("state").asText().equals("SUCCEEDED"));
        JsonNode done = admin.get("/api/admin/jobs/" + id).json();
        assertThat(done.get("percent").asDouble()).isEqualTo(100.0);
        assertThat(done.at("/result/counted").asInt()).isEqualTo(10);
    }

    @Test
    void aJobCanBeCancelled() {
        UUID id = jobs.submit("test", "waits for cancel", progress -> {
            progress.update(0, -1, "waiting for a cancel request");
            await().atMost(Duration.ofSeconds(10)).until(progress::cancelRequested);
            return Map.of("stopped_early", progress.cancelRequested());
        });
        ApiClient admin = api(TestTokens.admin());
        assertThat(admin.post("/api/admin/jobs/" + id + "/cancel", null).status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(10)).until(
                () -> admin.get("/api/admin/jobs/" + id).json().get("state").asText().equals("CANCELLED"));
        assertThat(admin.get("/api/admin/jobs/" + id).json().at("/result/stopped_early").asBoolean()).isTrue();
        assertThat(admin.post("/api/admin/jobs/" + id + "/cancel", null).status()).isEqualTo(409);
        assertThat(admin.get("/api/admin/jobs/" + UUID.randomUUID()).status()).isEqualTo(404);
    }
}
