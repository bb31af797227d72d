package com.memora.infra.health;

import com.fasterxml.jackson.databind.JsonNode;
import com.memora.infra.testsupport.IntegrationTest;
import com.memora.infra.testsupport.TestServers;
import com.memora.infra.testsupport.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ReadinessTest extends IntegrationTest {

    /** Redis came back as a new process: no stale pooled connection or open breaker is left to the next class. */
    @AfterEach
    void endRedisOutage() {
        redisRecovery.endOutage();
    }

    @Test
    void readinessIsTheDatabaseAndTheProcessorsOnly() {
        JsonNode readiness = api(TestTokens.admin()).get("/actuator/health/readiness").json();
        assertThat(readiness.get("status").asText()).isEqualTo("UP");
        assertThat(readiness.get("components").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("db", "eventProcessors", "readinessState");
    }

    @Test
    void theNodeStaysReadyWhileRedisAndS3AreDownAndReportsThem() {
        TestServers.get().interruptRedis();
        TestServers.get().interruptS3();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode health = api(TestTokens.admin()).get("/actuator/health").json();
            assertThat(health.at("/components/redis/status").asText()).isEqualTo("DOWN");
            assertThat(health.at("/components/s3/status").asText()).isEqualTo("DOWN");
        });
        assertThat(anonymous().get("/actuator/health/readiness").status()).isEqualTo(200);
        assertThat(anonymous().get("/actuator/health/readiness").json().get("status").asText()).isEqualTo("UP");

        TestServers.get().resumeRedis();
        TestServers.get().resumeS3();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode health = api(TestTokens.admin()).get("/actuator/health").json();
            assertThat(health.at("/components/redis/status").asText()).isEqualTo("UP");
            assertThat(health.at("/components/s3/status").asText()).isEqualTo("UP");
            assertThat(health.at("/components/diskSpace/status").asText()).isEqualTo("UP");
        });
    }
}
