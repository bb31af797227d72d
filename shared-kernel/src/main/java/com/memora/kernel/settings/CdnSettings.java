package com.memora.kernel.settings;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The CDN settings without their secrets: the only form in which they enter events.
 *
 * @param localFallbackMode    serve every URL from the local origin, whatever {@code enabled} says
 * @param batchIntervalMinutes how often pending plans are built (decisions O1)
 * @param batchThreshold       pending plans that start a build at once
 * @param signedUrlExpiryHours lifetime of signed video URLs, 1 to 24 (decisions F7)
 */
public record CdnSettings(boolean enabled,
                          boolean localFallbackMode,
                          StorageProvider storageProvider,
                          String endpointUrl,
                          String bucketName,
                          String cdnBaseUrl,
                          String localBaseUrl,
                          String cloudflareZoneId,
                          int batchIntervalMinutes,
                          int batchThreshold,
                          int signedUrlExpiryHours) {

    public static final int DEFAULT_BATCH_INTERVAL_MINUTES = 5;
    public static final int DEFAULT_BATCH_THRESHOLD = 50;
    public static final int DEFAULT_SIGNED_URL_EXPIRY_HOURS = 4;

    /** API names of the fields that differ from {@code other}. */
    public List<String> differencesFrom(CdnSettings other) {
        List<String> changed = new ArrayList<>();
        diff(changed, "enabled", enabled, other == null ? null : other.enabled);
        diff(changed, "local_fallback_mode", localFallbackMode, other == null ? null : other.localFallbackMode);
        diff(changed, "storage_provider", storageProvider, other == null ? null : other.storageProvider);
        diff(changed, "endpoint_url", endpointUrl, other == null ? null : other.endpointUrl);
        diff(changed, "bucket_name", bucketName, other == null ? null : other.bucketName);
        diff(changed, "cdn_base_url", cdnBaseUrl, other == null ? null : other.cdnBaseUrl);
        diff(changed, "local_base_url", localBaseUrl, other == null ? null : other.localBaseUrl);
        diff(changed, "cloudflare_zone_id", cloudflareZoneId, other == null ? null : other.cloudflareZoneId);
        diff(changed, "batch_interval_minutes", batchIntervalMinutes, other == null ? null : other.batchIntervalMinutes);
        diff(changed, "batch_threshold", batchThreshold, other == null ? null : other.batchThreshold);
        diff(changed, "signed_url_expiry_hours", signedUrlExpiryHours, other == null ? null : other.signedUrlExpiryHours);
        return changed;
    }

    private static void diff(List<String> changed, String name, Object mine, Object theirs) {
        if (!Objects.equals(mine, theirs)) {
            changed.add(name);
        }
    }
}
