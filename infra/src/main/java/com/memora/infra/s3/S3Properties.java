package com.memora.infra.s3;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The S3-compatible store as configured by properties. The CDN settings are the product's control panel for the
 * bucket (decisions O8); these properties only seed a deployment (the embedded default fills them in itself).
 */
@ConfigurationProperties("memora.s3")
public record S3Properties(String endpoint, String accessKey, String secretKey, String bucket, String region) {

    public S3Properties {
        region = region == null || region.isBlank() ? "us-east-1" : region;
        bucket = bucket == null || bucket.isBlank() ? "memora-content" : bucket;
    }

    public boolean configured() {
        return endpoint != null && !endpoint.isBlank();
    }
}
