package com.memora.infra.testsupport;

import com.memora.infra.MemoraApplication;
import com.memora.infra.axon.replay.ProjectionReplays;
import com.memora.infra.export.ExportFixture;
import com.memora.infra.export.ExportFixtures;
import com.memora.projection.export.pipeline.DirtyPlans;
import com.memora.projection.export.pipeline.ExportBatch;
import com.memora.projection.export.pipeline.PublicationStates;
import com.memora.projection.export.pipeline.SyncLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Base of the tests that drive the whole service over HTTP against the real servers of {@link TestServers}.
 * Every subclass shares one Spring context (same configuration), so the suite starts the service once.
 * <p>
 * The embedded default is switched off by a plain property (decisions trap 8: a switch that decides whether
 * servers start cannot come from {@code @DynamicPropertySource}); only the addresses are dynamic. Scheduled jobs
 * are off: tests trigger them with a controlled clock.
 */
@SpringBootTest(classes = MemoraApplication.class,
                webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
                properties = {"memora.embedded.enabled=false", "memora.scheduling.enabled=false",
                              "memora.node-id=test-node",
                              // the deployment's key for secrets at rest (a fixed test key: 32 bytes 0x00..0x1f)
                              "memora.secrets.key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="})
@Import({IntegrationTest.TestClockConfiguration.class, RedisRecovery.class})
@AutoConfigureObservability(tracing = false)
public abstract class IntegrationTest {

    private static final Path DATA_DIR = createDataDir();

    @LocalServerPort
    protected int port;

    @Autowired
    protected MutableClock clock;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected AdjustableFreeSpace freeSpace;

    @Autowired
    protected RedisRecovery redisRecovery;

    @Autowired
    private ExportFixtures exportFixtures;

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        TestServers.get().properties((name, value) -> registry.add(name, () -> value));
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location",
                     TestTokens::publicKeyLocation);
        registry.add("memora.data-dir", DATA_DIR::toString);
    }

    @BeforeEach
    void resetClock() {
        clock.reset();
        freeSpace.reset();
    }

    @AfterEach
    void restoreServers() {
        TestServers.get().resumeRedis();
        TestServers.get().resumeS3();
    }

    protected ApiClient api(String token) {
        return new ApiClient("http://localhost:" + port, token);
    }

    /** The export pipeline driven by an editor and this admin client, on the service's content root. */
    protected ExportFixture exportFixture(ApiClient admin) {
        return exportFixtures.create(api(TestTokens.editor()), admin, dataDir().resolve("content"));
    }

    protected ExportFixture exportFixture() {
        return exportFixture(api(TestTokens.admin()));
    }

    protected ApiClient anonymous() {
        return new ApiClient("http://localhost:" + port, null);
    }

    protected static Path dataDir() {
        return DATA_DIR;
    }

    private static Path createDataDir() {
        try {
            return Files.createTempDirectory("memora-test-data");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class TestClockConfiguration {

        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock();
        }

        @Bean
        AdjustableFreeSpace testFreeSpace() {
            return new AdjustableFreeSpace();
        }

        @Bean
        ExportFixtures exportFixtures(ProjectionReplays replays, JdbcClient jdbc, ExportBatch batch,
                                      DirtyPlans dirtyPlans, PublicationStates states, SyncLog syncLog) {
            return new ExportFixtures(replays, jdbc, batch, dirtyPlans, states, syncLog);
        }
    }
}
