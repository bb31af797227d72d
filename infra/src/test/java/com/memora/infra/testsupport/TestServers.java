package com.memora.infra.testsupport;

import com.memora.infra.embedded.EmbeddedPostgresServer;
import com.memora.infra.embedded.EmbeddedRedisServer;
import com.memora.infra.embedded.EmbeddedS3Server;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.minio.BucketExistsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.MinIOContainer;
import org.testcontainers.containers.PostgreSQLContainer;

import java.util.function.BiConsumer;

/**
 * The real servers every test of this JVM shares, decided once: Testcontainers (PostgreSQL, Redis, MinIO) when a
 * Docker engine answers, otherwise the same embedded servers the application runs on its own (this machine has
 * no Docker engine). Either way the tests see one set of endpoints and can take Redis or S3 away and back.
 */
public abstract class TestServers {

    public static final String BUCKET = "memora-test";
    private static final String S3_ACCESS_KEY = "test-access";
    private static final String S3_SECRET_KEY = "test-secret-key-123";

    private static TestServers instance;

    /** A real SMTP server in this JVM (both modes): alert mail is delivered to it. */
    private final GreenMail smtp = startSmtp();

    /** Cloudflare's API, which we cannot run: the service's cache purges go to this stub, which records them. */
    private final CloudflareStub cloudflare = new CloudflareStub();

    public static synchronized TestServers get() {
        if (instance == null) {
            instance = DockerClientFactory.instance().isDockerAvailable() ? new Containers() : new Embedded();
            instance.createBucket();
            TestServers servers = instance;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                servers.smtp.stop();
                servers.cloudflare.close();
                servers.stopAll();
            }, "test-servers-stop"));
        }
        return instance;
    }

    public abstract String jdbcUrl();

    public abstract String jdbcUsername();

    public abstract String jdbcPassword();

    public abstract String redisUrl();

    public abstract String s3Endpoint();

    public String s3AccessKey() {
        return S3_ACCESS_KEY;
    }

    public String s3SecretKey() {
        return S3_SECRET_KEY;
    }

    /** Redis stops answering (an outage), until {@link #resumeRedis()}. */
    public abstract void interruptRedis();

    public abstract void resumeRedis();

    public abstract void interruptS3();

    public abstract void resumeS3();

    protected abstract void stopAll();

    /** Spring properties pointing the service at these servers. */
    public void properties(BiConsumer<String, Object> property) {
        property.accept("spring.datasource.url", jdbcUrl());
        property.accept("spring.datasource.username", jdbcUsername());
        property.accept("spring.datasource.password", jdbcPassword());
        property.accept("memora.redis.url", redisUrl());
        property.accept("memora.s3.endpoint", s3Endpoint());
        property.accept("memora.s3.access-key", s3AccessKey());
        property.accept("memora.s3.secret-key", s3SecretKey());
        property.accept("memora.s3.bucket", BUCKET);
        property.accept("spring.mail.host", "127.0.0.1");
        property.accept("spring.mail.port", smtp.getSmtp().getPort());
        property.accept("memora.alerts.mail.recipients", ALERT_RECIPIENT);
        property.accept("memora.cdn.purge.api-base-url", cloudflare.apiBase().toString());
    }

    public static final String ALERT_RECIPIENT = "ops@memora.test";

    public GreenMail smtp() {
        return smtp;
    }

    public CloudflareStub cloudflare() {
        return cloudflare;
    }

    private static GreenMail startSmtp() {
        GreenMail server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }

    public MinioClient minio() {
        return MinioClient.builder().endpoint(s3Endpoint()).credentials(s3AccessKey(), s3SecretKey())
                          .region("us-east-1").build();
    }

    private void createBucket() {
        try {
            MinioClient minio = minio();
            if (!minio.bucketExists(BucketExistsArgs.builder().bucket(BUCKET).build())) {
                minio.makeBucket(MakeBucketArgs.builder().bucket(BUCKET).build());
            }
        } catch (Exception e) {
            throw new IllegalStateException("Cannot create the test bucket", e);
        }
    }

    private static final class Embedded extends TestServers {

        private final EmbeddedPostgresServer postgres;
        private final EmbeddedRedisServer redis;
        private final EmbeddedS3Server s3;

        Embedded() {
            try {
                postgres = EmbeddedPostgresServer.start(null, 0);
                redis = EmbeddedRedisServer.start(null, 0);
                s3 = EmbeddedS3Server.start(null, 0, S3_ACCESS_KEY, S3_SECRET_KEY);
            } catch (Exception e) {
                throw new IllegalStateException("Cannot start the embedded test servers", e);
            }
        }

        @Override
        public String jdbcUrl() {
            return postgres.jdbcUrl();
        }

        @Override
        public String jdbcUsername() {
            return postgres.username();
        }

        @Override
        public String jdbcPassword() {
            return postgres.password();
        }

        @Override
        public String redisUrl() {
            return redis.url();
        }

        @Override
        public String s3Endpoint() {
            return s3.endpoint();
        }

        @Override
        public void interruptRedis() {
            run(redis::stop);
        }

        /** A real restart: the server comes back empty with a new run id. */
        @Override
        public void resumeRedis() {
            run(() -> {
                if (!redis.isRunning()) {
                    redis.restart();
                }
            });
        }

        @Override
        public void interruptS3() {
            run(s3::stop);
        }

        @Override
        public void resumeS3() {
            run(() -> {
                if (!s3.isRunning()) {
                    s3.restart();
                }
            });
        }

        @Override
        protected void stopAll() {
            run(s3::close);
            run(redis::close);
            run(postgres::close);
        }
    }

    private static final class Containers extends TestServers {

        private final PostgreSQLContainer<?> postgres = new PostgreSQLContainer<>("postgres:17-alpine");
        private final GenericContainer<?> redis = new GenericContainer<>("redis:7-alpine").withExposedPorts(6379);
        private final MinIOContainer minio = new MinIOContainer("minio/minio:RELEASE.2025-04-22T22-12-26Z")
                .withUserName(S3_ACCESS_KEY).withPassword(S3_SECRET_KEY);

        Containers() {
            postgres.start();
            redis.start();
            minio.start();
        }

        @Override
        public String jdbcUrl() {
            return postgres.getJdbcUrl();
        }

        @Override
        public String jdbcUsername() {
            return postgres.getUsername();
        }

        @Override
        public String jdbcPassword() {
            return postgres.getPassword();
        }

        @Override
        public String redisUrl() {
            return "redis://" + redis.getHost() + ":" + redis.getMappedPort(6379);
        }

        @Override
        public String s3Endpoint() {
            return minio.getS3URL();
        }

        /** Pausing keeps the mapped port, so the service finds the server again at the same address. */
        @Override
        public void interruptRedis() {
            pause(redis);
        }

        @Override
        public void resumeRedis() {
            unpause(redis);
        }

        @Override
        public void interruptS3() {
            pause(minio);
        }

        @Override
        public void resumeS3() {
            unpause(minio);
        }

        private static void pause(GenericContainer<?> container) {
            DockerClientFactory.instance().client().pauseContainerCmd(container.getContainerId()).exec();
        }

        private static void unpause(GenericContainer<?> container) {
            var client = DockerClientFactory.instance().client();
            if (Boolean.TRUE.equals(client.inspectContainerCmd(container.getContainerId()).exec().getState()
                                          .getPaused())) {
                client.unpauseContainerCmd(container.getContainerId()).exec();
            }
        }

        @Override
        protected void stopAll() {
            minio.stop();
            redis.stop();
            postgres.stop();
        }
    }

    private interface Step {
        void run() throws Exception;
    }

    private static void run(Step step) {
        try {
            step.run();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
