package com.memora.infra.s3;

import io.minio.MinioClient;
import okhttp3.OkHttpClient;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/**
 * The minio-java client for the configured S3-compatible store. Path-style addressing (what s3proxy and MinIO
 * expect for IP endpoints) and a fixed region, so the client never asks the server for its location.
 */
@Configuration(proxyBeanMethods = false)
public class S3Configuration {

    @Bean(destroyMethod = "close")
    @ConditionalOnExpression("'${memora.s3.endpoint:}' != ''")
    MinioClient minioClient(S3Properties properties) {
        return newClient(properties.endpoint(), properties.accessKey(), properties.secretKey(),
                         properties.region());
    }

    @Bean("s3")
    @ConditionalOnExpression("'${memora.s3.endpoint:}' != ''")
    S3HealthIndicator s3HealthIndicator(MinioClient minioClient, S3Properties properties) {
        return new S3HealthIndicator(minioClient, properties);
    }

    /** Short timeouts: a CDN outage must fail an upload fast, not hold a build for minutes. */
    public static MinioClient newClient(String endpoint, String accessKey, String secretKey, String region) {
        OkHttpClient http = new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(3))
                .readTimeout(Duration.ofSeconds(30))
                .writeTimeout(Duration.ofSeconds(30))
                .retryOnConnectionFailure(false)
                .build();
        return MinioClient.builder()
                          .endpoint(endpoint)
                          .credentials(accessKey, secretKey)
                          .region(region)
                          .httpClient(http, true)
                          .build();
    }
}
