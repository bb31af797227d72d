package com.memora.kernel.settings;

import java.time.Instant;

/**
 * The CDN settings as the API shows them: never a secret, only whether each one is set.
 *
 * @param source {@code stored} once an administrator saved settings; {@code seed} while the deployment's
 *               properties still stand in for them (decisions O8)
 */
public record CdnSettingsResponse(boolean enabled,
                                  boolean localFallbackMode,
                                  String storageProvider,
                                  String endpointUrl,
                                  String bucketName,
                                  String cdnBaseUrl,
                                  String localBaseUrl,
                                  String cloudflareZoneId,
                                  int batchIntervalMinutes,
                                  int batchThreshold,
                                  int signedUrlExpiryHours,
                                  boolean accessKeySet,
                                  boolean secretKeySet,
                                  boolean cloudflareApiTokenSet,
                                  String source,
                                  Instant updatedAt) {
}
