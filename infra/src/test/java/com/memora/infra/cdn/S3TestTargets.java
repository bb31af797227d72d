package com.memora.infra.cdn;

import com.memora.infra.testsupport.TestServers;
import com.memora.kernel.settings.CdnSettings;
import com.memora.kernel.settings.StorageProvider;
import io.minio.BucketExistsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import okhttp3.OkHttpClient;

/** Targets on the tests' real S3-compatible server, for running the CDN adapters without the service. */
final class S3TestTargets {

    private S3TestTargets() {
    }

    static CdnSettings settings(String bucket, int expiryHours) {
        return new CdnSettings(true, false, StorageProvider.AWS_S3, TestServers.get().s3Endpoint(), bucket,
                               "https://cdn.memora.test", null, null, 5, 50, expiryHours);
    }

    static CdnTarget target(String bucket) {
        return target(bucket, TestServers.get().s3SecretKey(), new OkHttpClient());
    }

    static CdnTarget target(String bucket, String secretKey, OkHttpClient http) {
        TestServers servers = TestServers.get();
        MinioClient client = MinioClient.builder().endpoint(servers.s3Endpoint()).region("us-east-1")
                                        .credentials(servers.s3AccessKey(), secretKey).httpClient(http).build();
        return new CdnTarget(settings(bucket, 4), client, servers.s3Endpoint(), bucket, "us-east-1",
                             servers.s3AccessKey(), secretKey);
    }

    static void createBucket(String bucket) {
        try {
            MinioClient minio = TestServers.get().minio();
            if (!minio.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
                minio.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
            }
        } catch (Exception e) {
            throw new IllegalStateException("Cannot create bucket " + bucket, e);
        }
    }
}
