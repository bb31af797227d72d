package com.memora.infra.health;

import com.fasterxml.jackson.databind.JsonNode;
import com.memora.infra.MemoraApplication;
import com.memora.infra.testsupport.ApiClient;
import com.memora.infra.testsupport.Ids;
import com.memora.infra.testsupport.TestServers;
import com.memora.infra.testsupport.TestTokens;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Decisions S4: the service does not only stay ready when Redis and S3 go away, it also STARTS without them. A
 * second application in external mode against the test PostgreSQL, with Redis and S3 pointed at closed ports: it
 * starts, is ready, shows both as DOWN, and takes and answers domain commands (seasons live in PostgreSQL).
 */
@Order(Order.DEFAULT + 102)
class StartsWithRedisAndS3DownTest {

    @TempDir
    Path dataDir;

    /** A port nothing listens on: taken from the OS, then released. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private ConfigurableApplicationContext start() throws IOException {
        Map<String, Object> properties = new LinkedHashMap<>();
        TestServers.get().properties(properties::put);
        properties.putAll(Map.of(
                "server.port", 0, "memora.embedded.enabled", false, "memora.scheduling.enabled", false,
                "memora.node-id", "no-redis-no-s3", "memora.data-dir", dataDir,
                "memora.secrets.key", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
                "spring.security.oauth2.resourceserver.jwt.public-key-location", TestTokens.publicKeyLocation(),
                "logging.level.root", "WARN"));
        // the test PostgreSQL, but Redis and S3 nowhere to be found
        properties.put("memora.redis.url", "redis://127.0.0.1:" + closedPort());
        properties.put("memora.s3.endpoint", "http://127.0.0.1:" + closedPort());
        List<String> arguments = new ArrayList<>();
        properties.forEach((name, value) -> arguments.add("--" + name + "=" + value));
        return new SpringApplicationBuilder(MemoraApplication.class).run(arguments.toArray(String[]::new));
    }

    @Test
    void startsReadyWithRedisAndS3DownAndServesSeasons() throws IOException {
        try (ConfigurableApplicationContext node = start()) {
            String base = "http://127.0.0.1:" + ((WebServerApplicationContext) node).getWebServer().getPort();
            ApiClient admin = new ApiClient(base, TestTokens.admin());
            ApiClient editor = new ApiClient(base, TestTokens.editor());

            ApiClient.Response readiness = admin.anonymous().get("/actuator/health/readiness");
            assertThat(readiness.status()).as("%s", readiness).isEqualTo(200);
            assertThat(readiness.json().get("status").asText()).isEqualTo("UP");
            JsonNode health = admin.get("/actuator/health").json();
            assertThat(health.at("/components/redis/status").asText()).as("%s", health).isEqualTo("DOWN");
            assertThat(health.at("/components/s3/status").asText()).as("%s", health).isEqualTo("DOWN");

            String season = Ids.season();
            ApiClient.Response created = editor.post("/api/seasons", Map.of(
                    "id", season, "title", "Started without Redis", "start_date", "2026-09-01",
                    "end_date", "2027-06-30"));
            assertThat(created.status()).as("%s", created).isEqualTo(201);
            JsonNode read = await().atMost(Duration.ofSeconds(20)).until(
                    () -> editor.get("/api/seasons/" + season), response -> response.status() == 200).json();
            assertThat(read.get("title").asText()).isEqualTo("Started without Redis");
        }
    }
}
