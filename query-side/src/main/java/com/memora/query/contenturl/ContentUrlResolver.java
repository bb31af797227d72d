package com.memora.query.contenturl;

import com.memora.kernel.settings.CdnSettings;
import com.memora.projection.export.cdn.CdnStatus;
import org.springframework.util.StringUtils;

/**
 * Decides where content URLs point (decisions O4, domain §11.3): local fallback mode → the local origin; the CDN
 * enabled, a CDN base URL set, and the CDN ready (full upload and parity check since it was enabled or its bucket
 * changed) and healthy → the CDN; anything else → the local origin. The settings and state in force at the start
 * of a resolution are used for the whole answer, so a plan's two URLs always share one origin.
 */
final class ContentUrlResolver {

    static final String CDN = "cdn";
    static final String LOCAL = "local";

    /**
     * An origin's base URL, always ending in {@code /}.
     *
     * @param reason why a plan's URLs are local although the CDN serves content; null otherwise
     */
    record Origin(String base, String source, String reason) {

        String url(String relativePath) {
            return base + relativePath;
        }
    }

    private ContentUrlResolver() {
    }

    /**
     * @param configured       the settings name a store, a bucket and credentials (enabled without them, nothing can
     *                         be published, so the bucket cannot be trusted to hold current files)
     * @param requestLocalBase the local origin as the caller reached this service ({@code https://host/files/memora_content/})
     */
    static Origin origin(CdnSettings settings, boolean configured, CdnStatus status, String requestLocalBase) {
        if (!settings.localFallbackMode() && settings.enabled() && configured
            && StringUtils.hasText(settings.cdnBaseUrl()) && status.servesContent(settings)) {
            return new Origin(withSlash(settings.cdnBaseUrl()), CDN, null);
        }
        return local(settings, requestLocalBase, null);
    }

    /**
     * A plan whose CDN copy is stale or missing (it owes the CDN uploads or deletions: waiting for a retry, dead
     * lettered, failed, or its publication not done yet) gets local URLs even while the CDN serves content: the
     * local origin always has the plan's current files.
     */
    static Origin forPlan(Origin global, CdnSettings settings, String requestLocalBase, String owedReason) {
        if (!CDN.equals(global.source()) || owedReason == null) {
            return global;
        }
        return local(settings, requestLocalBase, owedReason);
    }

    private static Origin local(CdnSettings settings, String requestLocalBase, String reason) {
        String local = StringUtils.hasText(settings.localBaseUrl()) ? settings.localBaseUrl() : requestLocalBase;
        return new Origin(withSlash(local), LOCAL, reason);
    }

    private static String withSlash(String base) {
        return base.endsWith("/") ? base : base + "/";
    }
}
