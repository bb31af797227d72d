package com.memora.infra.cdn;

import com.memora.kernel.settings.CdnSettings;
import com.memora.projection.export.cdn.CdnFailureKind;
import com.memora.projection.export.cdn.CdnPublishException;
import io.minio.MinioClient;
import org.springframework.util.StringUtils;

/**
 * The bucket the CDN settings in force name, with a client for it (decisions O8). Holds decrypted credentials
 * (for presigning), so {@link #toString()} hides them.
 *
 * @param client null when the settings lack an endpoint or credentials
 */
public record CdnTarget(CdnSettings settings,
                        MinioClient client,
                        String endpoint,
                        String bucket,
                        String region,
                        String accessKey,
                        String secretKey) {

    /**
     * A target with its own client on the node's kind of HTTP client ({@link CdnClients#newHttpClient}), for tools
     * and benchmarks that publish without the service; the service itself gets its targets from {@link CdnClients}.
     */
    public static CdnTarget connect(CdnSettings settings, String region, String accessKey, String secretKey,
                                    int uploadConcurrency) {
        MinioClient client = MinioClient.builder().endpoint(settings.endpointUrl()).region(region)
                                        .credentials(accessKey, secretKey)
                                        .httpClient(CdnClients.newHttpClient(uploadConcurrency), true)
                                        .build();
        return new CdnTarget(settings, client, settings.endpointUrl(), settings.bucketName(), region, accessKey,
                             secretKey);
    }

    /** The settings name a store, a bucket and credentials: something can be uploaded. */
    public boolean configured() {
        return client != null && StringUtils.hasText(bucket);
    }

    /** Configured and switched on by the administrators. */
    public boolean enabled() {
        return settings.enabled() && configured();
    }

    public CdnTarget requireConfigured() {
        if (!configured()) {
            throw new CdnPublishException(CdnFailureKind.PERMANENT, null,
                                          "The CDN settings name no " + missing() + "; nothing can be published", null);
        }
        return this;
    }

    private String missing() {
        if (!StringUtils.hasText(endpoint)) {
            return "endpoint_url";
        }
        if (!StringUtils.hasText(bucket)) {
            return "bucket_name";
        }
        return "access_key and secret_key";
    }

    @Override
    public String toString() {
        return "CdnTarget[" + endpoint + ", bucket " + bucket + ", region " + region + ", enabled "
               + settings.enabled() + ", credentials hidden]";
    }
}
