package com.memora.infra.embedded;

import io.minio.BucketExistsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The embedded default's servers: PostgreSQL, Redis and an S3-compatible store, started before the application
 * context is refreshed and stopped after everything else in it (also when the start fails half-way).
 */
public final class EmbeddedServers implements DisposableBean, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedServers.class);

    private final Deque<AutoCloseable> running = new ArrayDeque<>();
    private EmbeddedPostgresServer postgres;
    private EmbeddedRedisServer redis;
    private EmbeddedS3Server s3;
    private String bucket;

    private EmbeddedServers() {
    }

    /** Starts all three; if one fails, the ones already running are stopped before the failure propagates. */
    public static EmbeddedServers start(EmbeddedSettings settings) {
        EmbeddedServers servers = new EmbeddedServers();
        try {
            servers.startAll(settings);
            return servers;
        } catch (Exception e) {
            servers.close();
            throw new IllegalStateException("The embedded default could not start its servers: " + e.getMessage(),
                                            e);
        }
    }

    private void startAll(EmbeddedSettings settings) throws Exception {
        Path dataDir = settings.dataDir();
        long started = System.nanoTime();
        postgres = EmbeddedPostgresServer.start(dataDir.resolve("postgres"), settings.postgresPort());
        running.push(postgres);
        redis = EmbeddedRedisServer.start(dataDir.resolve("redis"), settings.redisPort());
        running.push(redis);
        String accessKey = LocalSecrets.readOrCreate(dataDir.resolve("keys/s3-access-key"),
                                                     () -> "memora-" + LocalSecrets.randomHex(6));
        String secretKey = LocalSecrets.readOrCreate(dataDir.resolve("keys/s3-secret-key"),
                                                     () -> LocalSecrets.randomHex(24));
        s3 = EmbeddedS3Server.start(dataDir.resolve("s3"), settings.s3Port(), accessKey, secretKey);
        running.push(s3);
        bucket = settings.s3Bucket();
        createBucket();
        log.info("Embedded default ready in {} ms, data in {}: PostgreSQL {} | Redis {} | S3 {} (bucket {})",
                 (System.nanoTime() - started) / 1_000_000, dataDir, postgres.jdbcUrl(), redis.url(),
                 s3.endpoint(), bucket);
    }

    private void createBucket() throws Exception {
        MinioClient client = MinioClient.builder()
                                        .endpoint(s3.endpoint())
                                        .credentials(s3.accessKey(), s3.secretKey())
                                        .region("us-east-1")
                                        .build();
        if (!client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
            client.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
        }
        client.close();
    }

    /** The properties that point the application at these servers. */
    public Map<String, Object> connectionProperties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", postgres.jdbcUrl());
        properties.put("spring.datasource.username", postgres.username());
        properties.put("spring.datasource.password", postgres.password());
        properties.put("memora.redis.url", redis.url());
        properties.put("memora.s3.endpoint", s3.endpoint());
        properties.put("memora.s3.access-key", s3.accessKey());
        properties.put("memora.s3.secret-key", s3.secretKey());
        properties.put("memora.s3.bucket", bucket);
        properties.put(EmbeddedSettings.ACTIVE_PROPERTY, "true");
        return properties;
    }

    public EmbeddedPostgresServer postgres() {
        return postgres;
    }

    public EmbeddedRedisServer redis() {
        return redis;
    }

    public EmbeddedS3Server s3() {
        return s3;
    }

    @Override
    public void destroy() {
        close();
    }

    /** Stops the servers in reverse start order; safe to call more than once. */
    @Override
    public synchronized void close() {
        while (!running.isEmpty()) {
            AutoCloseable server = running.pop();
            try {
                server.close();
            } catch (Exception e) {
                log.warn("Could not stop embedded server {}: {}", server.getClass().getSimpleName(),
                         e.toString());
            }
        }
    }
}
