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
     * from the deployment's seed while none are stored.
     */
    CdnConnectionResult check(String endpointUrl, String bucketName, Map<CdnSecret, String> secrets);
}
