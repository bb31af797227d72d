package com.memora.infra.s3;

import io.minio.BucketExistsArgs;
import io.minio.MinioClient;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/** Reports the S3-compatible store. Not part of readiness: the local origin serves while it is down (S4). */
class S3HealthIndicator extends AbstractHealthIndicator {

    private final MinioClient minio;
    private final S3Properties properties;

    S3HealthIndicator(MinioClient minio, S3Properties properties) {
        super("The S3-compatible store is not reachable");
        this.minio = minio;
        this.properties = properties;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        boolean exists = minio.bucketExists(BucketExistsArgs.builder().bucket(properties.bucket()).build());
        (exists ? builder.up() : builder.down().withDetail("reason", "bucket does not exist"))
                .withDetail("endpoint", properties.endpoint())
                .withDetail("bucket", properties.bucket());
    }
}
