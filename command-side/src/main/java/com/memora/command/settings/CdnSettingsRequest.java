package com.memora.command.settings;

import com.memora.kernel.error.InvalidInputException;
import com.memora.kernel.settings.CdnSecret;
import com.memora.kernel.settings.CdnSettings;
import com.memora.kernel.settings.StorageProvider;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Body of {@code PUT /api/settings/cdn} (and, all optional, of {@code POST /api/settings/cdn/test}). The PUT sets
 * every non-secret field: what is left out takes its default. Secrets are write-only: left out, a stored secret
 * stays; an empty string clears it.
 */
record CdnSettingsRequest(Boolean enabled,
                          Boolean localFallbackMode,
                          String storageProvider,
                          String endpointUrl,
                          String bucketName,
                          String accessKey,
                          String secretKey,
                          String cdnBaseUrl,
                          String localBaseUrl,
                          String cloudflareZoneId,
                          String cloudflareApiToken,
                          Integer batchIntervalMinutes,
                          Integer batchThreshold,
                          Integer signedUrlExpiryHours) {

    CdnSettings toSettings() {
        return new CdnSettings(Objects.requireNonNullElse(enabled, false),
                               Objects.requireNonNullElse(localFallbackMode, false),
                               provider(),
                               text(endpointUrl),
                               text(bucketName),
                               text(cdnBaseUrl),
                               text(localBaseUrl),
                               text(cloudflareZoneId),
                               Objects.requireNonNullElse(batchIntervalMinutes,
                                                          CdnSettings.DEFAULT_BATCH_INTERVAL_MINUTES),
                               Objects.requireNonNullElse(batchThreshold, CdnSettings.DEFAULT_BATCH_THRESHOLD),
                               Objects.requireNonNullElse(signedUrlExpiryHours,
                                                          CdnSettings.DEFAULT_SIGNED_URL_EXPIRY_HOURS));
    }

    /** The secrets sent, an empty string meaning "clear". */
    Map<CdnSecret, String> secrets() {
        Map<CdnSecret, String> secrets = new EnumMap<>(CdnSecret.class);
        if (accessKey != null) {
            secrets.put(CdnSecret.ACCESS_KEY, accessKey.strip());
        }
        if (secretKey != null) {
            secrets.put(CdnSecret.SECRET_KEY, secretKey);
        }
        if (cloudflareApiToken != null) {
            secrets.put(CdnSecret.CLOUDFLARE_API_TOKEN, cloudflareApiToken);
        }
        return secrets;
    }

    private StorageProvider provider() {
        if (storageProvider == null || storageProvider.isBlank()) {
            return null;
        }
        return StorageProvider.fromLabel(storageProvider).orElseThrow(() -> new InvalidInputException(
                "cdn-settings-invalid", "storage_provider", "storage_provider must be one of "
                                                            + StorageProvider.labels() + ", got '" + storageProvider
                                                            + "'"));
    }

    /** A 400 when {@code storage_provider} is given but names no provider (the connection test does not use it). */
    void checkProvider() {
        provider();
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Only what a connection test uses, as given (nulls fall back to the stored settings). */
    String endpointOrNull() {
        return text(endpointUrl);
    }

    String bucketOrNull() {
        return text(bucketName);
    }
}
