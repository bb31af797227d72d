package com.memora.kernel.settings;

import com.memora.kernel.error.FieldProblem;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The rules of the CDN settings (domain §3, decisions O8), each problem with its API field. */
public final class CdnSettingsRules {

    public static final int MIN_EXPIRY_HOURS = 1;
    public static final int MAX_EXPIRY_HOURS = 24;
    /** S3's bucket naming rule, which R2 shares: 3-63 lower-case letters, digits, dots and hyphens. */
    private static final Pattern BUCKET = Pattern.compile("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$");
    private static final Pattern ZONE_ID = Pattern.compile("^[A-Za-z0-9]{1,64}$");

    private CdnSettingsRules() {
    }

    /**
     * @param secretsSet the secrets that hold a value once this save is applied
     */
    public static List<FieldProblem> check(CdnSettings settings, Set<CdnSecret> secretsSet) {
        List<FieldProblem> problems = new ArrayList<>();
        if (settings.storageProvider() == null) {
            problems.add(new FieldProblem("storage_provider", "storage_provider is required, one of "
                                                              + StorageProvider.labels()));
        }
        url(problems, "endpoint_url", settings.endpointUrl(), true);
        url(problems, "cdn_base_url", settings.cdnBaseUrl(), false);
        url(problems, "local_base_url", settings.localBaseUrl(), false);
        if (settings.bucketName() == null || settings.bucketName().isBlank()) {
            problems.add(new FieldProblem("bucket_name", "bucket_name is required"));
        } else if (!BUCKET.matcher(settings.bucketName()).matches() || settings.bucketName().contains("..")) {
            problems.add(new FieldProblem("bucket_name", "bucket_name must be 3-63 lower-case letters, digits, dots "
                                                         + "and hyphens, starting and ending with a letter or digit"));
        }
        atLeastOne(problems, "batch_interval_minutes", settings.batchIntervalMinutes());
        atLeastOne(problems, "batch_threshold", settings.batchThreshold());
        if (settings.signedUrlExpiryHours() < MIN_EXPIRY_HOURS || settings.signedUrlExpiryHours() > MAX_EXPIRY_HOURS) {
            problems.add(new FieldProblem("signed_url_expiry_hours", "signed_url_expiry_hours must be between "
                                          + MIN_EXPIRY_HOURS + " and " + MAX_EXPIRY_HOURS + ", got "
                                          + settings.signedUrlExpiryHours()));
        }
        cloudflare(problems, settings, secretsSet.contains(CdnSecret.CLOUDFLARE_API_TOKEN));
        return problems;
    }

    /** Cache purge needs both the zone id and the API token, and only R2 sits behind Cloudflare. */
    private static void cloudflare(List<FieldProblem> problems, CdnSettings settings, boolean tokenSet) {
        boolean zoneSet = settings.cloudflareZoneId() != null;
        if (zoneSet && !ZONE_ID.matcher(settings.cloudflareZoneId()).matches()) {
            problems.add(new FieldProblem("cloudflare_zone_id", "cloudflare_zone_id must be letters and digits"));
        }
        if (!zoneSet && !tokenSet) {
            return;
        }
        if (settings.storageProvider() != StorageProvider.CLOUDFLARE_R2) {
            problems.add(new FieldProblem(zoneSet ? "cloudflare_zone_id" : "cloudflare_api_token",
                    "Cloudflare settings apply only when storage_provider is Cloudflare R2"));
        } else if (zoneSet != tokenSet) {
            problems.add(new FieldProblem(zoneSet ? "cloudflare_api_token" : "cloudflare_zone_id",
                    "cloudflare_zone_id and cloudflare_api_token go together (both for cache purge, or neither)"));
        }
    }

    private static void url(List<FieldProblem> problems, String field, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                problems.add(new FieldProblem(field, field + " is required"));
            }
            return;
        }
        EndpointRules.problemWithUrl(value).ifPresent(problem -> problems.add(new FieldProblem(field,
                                                                                               field + " " + problem)));
    }

    private static void atLeastOne(List<FieldProblem> problems, String field, int value) {
        if (value < 1) {
            problems.add(new FieldProblem(field, field + " must be at least 1, got " + value));
        }
    }
}
