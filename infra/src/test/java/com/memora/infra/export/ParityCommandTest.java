package com.memora.infra.export;

import com.memora.infra.testsupport.IntegrationTest;
import com.memora.infra.testsupport.TestTokens;
import com.memora.projection.export.cdn.CdnHealth;
import com.memora.projection.export.publication.CdnPublicationTick;
import com.memora.projection.export.publication.CdnReadiness;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static com.memora.infra.cdn.CdnSettingsFixture.enabledOn;
import static com.memora.infra.cdn.CdnSettingsFixture.save;
import static com.memora.infra.cdn.CdnSettingsFixture.with;
import static com.memora.infra.export.ExportFixture.plan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The operator command {@code bin/memora parity} (issue 5 point 8: "a command and admin endpoint") run as an
 * operator runs it, against this service: clean → exit 0, a difference → exit 1 with the report naming it, no check
 * possible → exit 2 with the problem's detail. Saves CDN settings, so it runs after the classes that expect none.
 */
@Order(Order.DEFAULT + 95)
class ParityCommandTest extends IntegrationTest {

    private static final TestBucket BUCKET = new TestBucket("parity-command");
    private static final Path COMMAND = Path.of("..", "bin", "memora").toAbsolutePath().normalize();

    @Autowired
    CdnPublicationTick tick;
    @Autowired
    CdnHealth health;

    private ExportFixture export;

    @BeforeEach
    void cdnOnItsOwnBucket() {
        export = exportFixture();
        save(export.admin, enabledOn(BUCKET.name));
        health.recordSuccess();
    }

    @Test
    void theParityCommandExitsZeroWhenCleanOneNamingTheDifferenceAndTwoWhenItCannotCheck() throws Exception {
        requireCurlAndJq();
        Map<String, String> ids = export.tree();
        String planId = export.planOf(ids.get("subject"));
        export.build(planId);
        // the readiness round: a full sync of every plan to this bucket, then a parity check
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
               .until(() -> tick.run().readiness().state() == CdnReadiness.State.READY);

        Run clean = run(TestTokens.admin());
        assertThat(clean.exit()).as("%s", clean).isZero();
        assertThat(clean.stdout()).contains("\"missing_on_cdn_count\": 0");

        String lesson = plan(planId, "lessons/" + ids.get("lesson") + ".json");
        BUCKET.remove(lesson);
        Run differs = run(TestTokens.admin());
        assertThat(differs.exit()).as("%s", differs).isEqualTo(1);
        assertThat(differs.stdout()).contains("\"missing_on_cdn_count\": 1").contains(lesson);
        assertThat(differs.stderr()).contains("missing on the CDN 1");

        Run refused = run(TestTokens.editor());
        assertThat(refused.exit()).as("%s", refused).isEqualTo(2);
        assertThat(refused.stderr()).contains("HTTP 403");

        save(export.admin, with(enabledOn(BUCKET.name), "enabled", false));
        Run disabled = run(TestTokens.admin());
        assertThat(disabled.exit()).as("%s", disabled).isEqualTo(2);
        assertThat(disabled.stderr()).contains("HTTP 409").contains("The CDN is disabled");
    }

    private record Run(int exit, String stdout, String stderr) {
    }

    /** Skipped on a developer's machine without them; {@code .ci/run} installs them and requires this test. */
    private static void requireCurlAndJq() {
        boolean present = Stream.of("curl", "jq").allMatch(ParityCommandTest::onPath);
        if (!present) {
            String missing = "bin/memora needs curl and jq (apt-get install -y curl jq)";
            if ("required".equals(System.getenv("MEMORA_COMMAND_TESTS"))) {
                throw new IllegalStateException(missing);
            }
            Assumptions.abort(missing);
        }
    }

    private static boolean onPath(String program) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                     .anyMatch(directory -> Files.isExecutable(Path.of(directory, program)));
    }

    private Run run(String token) throws IOException, InterruptedException {
        Path out = Files.createTempFile("parity", ".out");
        Path err = Files.createTempFile("parity", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder("bash", COMMAND.toString(), "parity")
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().put("MEMORA_URL", "http://localhost:" + port);
            builder.environment().put("MEMORA_TOKEN", token);
            Process process = builder.start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("bin/memora parity did not end within 60 s");
            }
            return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                           Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
