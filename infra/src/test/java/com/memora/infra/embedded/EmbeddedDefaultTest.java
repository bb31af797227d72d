package com.memora.infra.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import com.memora.infra.MemoraApplication;
import com.memora.infra.ops.dashboard.HeadlessChromium;
import com.memora.infra.testsupport.ApiClient;
import com.memora.infra.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The README's run command: the service with no external configuration starts its own PostgreSQL, Redis and
 * S3-compatible server, hands out tokens on loopback, keeps its data across a restart and stops its servers on the
 * way out, also when the start fails.
 */
class EmbeddedDefaultTest {

    @TempDir
    Path dataDir;

    /** As command-line arguments, which (unlike builder defaults) win over application.yml. */
    private ConfigurableApplicationContext start(String... extraProperties) {
        List<String> arguments = new java.util.ArrayList<>(List.of(
                "--server.port=0", "--memora.data-dir=" + dataDir, "--memora.scheduling.enabled=false",
                "--memora.node-id=embedded-test"));
        for (String property : extraProperties) {
            arguments.add("--" + property);
        }
        return new SpringApplicationBuilder(MemoraApplication.class).run(arguments.toArray(String[]::new));
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    @Test
    void startsItsOwnServersHandsOutTokensKeepsDataAndStopsCleanly() throws Exception {
        String seasonId = "SEASON-2031-EMBEDDED";
        List<Integer> serverPorts;
        try (ConfigurableApplicationContext context = start()) {
            EmbeddedServers servers = context.getBean(EmbeddedServers.class);
            serverPorts = List.of(servers.postgres().port(), servers.redis().port(),
                                  Integer.parseInt(servers.s3().endpoint().replaceAll(".*:", "")));
            ApiClient anonymous = new ApiClient("http://127.0.0.1:" + port(context), null);

            JsonNode tokens = anonymous.get("/dev/tokens").json();
            assertThat(tokens.fieldNames()).toIterable().containsExactly("admin", "editor", "player");
            String editorToken = anonymous.withHeader("Accept", "text/plain").get("/dev/tokens/editor?sub=alice").body();
            ApiClient editor = anonymous.as(editorToken);

            assertThat(editor.post("/api/seasons", Map.of("id", seasonId, "title", "Embedded",
                                                          "start_date", "2031-01-01", "end_date", "2031-12-31"))
                             .status()).isEqualTo(201);
            await().atMost(Duration.ofSeconds(15))
                   .until(() -> editor.get("/api/seasons/" + seasonId).status() == 200);
            assertThat(anonymous.as(tokens.at("/player/token").asText()).post("/api/seasons", Map.of())
                                .status()).isEqualTo(403);

            assertThat(anonymous.withHeader("X-Forwarded-For", "203.0.113.9").get("/dev/tokens").status())
                    .as("the helper refuses proxied requests").isEqualTo(403);
            signsInToTheDashboardWithTheTokenHelper(port(context));
            JsonNode health = anonymous.as(tokens.at("/admin/token").asText()).get("/actuator/health").json();
            assertThat(health.at("/components/redis/status").asText()).isEqualTo("UP");
            assertThat(health.at("/components/s3/status").asText()).isEqualTo("UP");
            assertThat(health.at("/components/db/status").asText()).isEqualTo("UP");
        }
        serverPorts.forEach(port -> assertThat(listening(port)).as("port %d closed", port).isFalse());

        // Same data directory, now with a production key: data kept, token helper gone (decisions X2).
        try (ConfigurableApplicationContext context =
                     start("spring.security.oauth2.resourceserver.jwt.public-key-location="
                           + TestTokens.publicKeyLocation())) {
            ApiClient editor = new ApiClient("http://127.0.0.1:" + port(context), TestTokens.editor());
            assertThat(editor.get("/api/seasons/" + seasonId).json().get("title").asText()).isEqualTo("Embedded");
            assertThat(editor.anonymous().get("/dev/tokens").status()).isEqualTo(404);
        }
    }

    @Test
    void aFailedStartStopsTheServersItStarted() {
        int postgresPort = freePort();
        int redisPort = freePort();
        int s3Port = freePort();
        assertThatThrownBy(() -> start("memora.embedded.postgres-port=" + postgresPort,
                                       "memora.embedded.redis-port=" + redisPort,
                                       "memora.embedded.s3-port=" + s3Port,
                                       "spring.security.oauth2.resourceserver.jwt.public-key-location="
                                       + "file:" + dataDir.resolve("no-such-key.pem")))
                .isInstanceOf(Exception.class);
        assertThat(listening(postgresPort)).isFalse();
        assertThat(listening(redisPort)).isFalse();
        assertThat(listening(s3Port)).isFalse();
    }

    /**
     * The operator dashboard offers the loopback token helper on the embedded default (README "Operations"); skipped
     * on a machine without Debian's chromium unless browser tests are required (CI).
     */
    private static void signsInToTheDashboardWithTheTokenHelper(int port) {
        HeadlessChromium started = HeadlessChromium.startIfAvailable().orElse(null);
        if (started == null) {
            return;
        }
        try (HeadlessChromium chromium = started) {
            WebDriverWait wait = new WebDriverWait(chromium.driver(), Duration.ofSeconds(30));
            chromium.driver().get("http://127.0.0.1:" + port + "/admin/");
            wait.until(ExpectedConditions.elementToBeClickable(By.id("dev-token"))).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("signed-in-as"),
                                                                          "Signed in as admin"));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("queue-figures"),
                                                                          "Waiting for a build"));
        }
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() {
        return FreePorts.find();
    }
}
