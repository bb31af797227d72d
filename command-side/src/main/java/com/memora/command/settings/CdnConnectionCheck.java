package com.memora.command.settings;

import com.memora.kernel.settings.CdnSecret;

import java.util.Map;

/**
 * Tries the S3-compatible store that the CDN settings point at: connects, authenticates and looks for the bucket.
 * Implemented in infra (minio-java), which also applies the address rules of decisions O8 to the addresses the
 * host name resolves to, right before connecting.
 */
public interface CdnConnectionCheck {

    /**
     * Anything not given ({@code null}, or a secret missing from the map) is taken from the stored settings, or
     * from the deployment's seed while none are stored — but the stored keys only for the stored endpoint: an
     * {@code endpointUrl} other than the stored one without both keys is refused
     * ({@link com.memora.kernel.error.InvalidInputException} naming access_key / secret_key) before anything is sent.
     */
    CdnConnectionResult check(String endpointUrl, String bucketName, Map<CdnSecret, String> secrets);
}
