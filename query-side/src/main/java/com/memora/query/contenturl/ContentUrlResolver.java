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

    /** An origin's base URL, always ending in {@code /}. */
    record Origin(String base, String source) {

        String url(String relativePath) {
            return base + relativePath;
        }
    }

    private ContentUrlResolver() {
    }

    /**
     * @param requestLocalBase the local origin as the caller reached this service ({@code https://host/files/memora_content/})
     */
    static Origin origin(CdnSettings settings, CdnStatus status, String requestLocalBase) {
        if (!settings.localFallbackMode() && settings.enabled() && StringUtils.hasText(settings.cdnBaseUrl())
            && status.servesContent(settings)) {
            return new Origin(withSlash(settings.cdnBaseUrl()), CDN);
        }
        String local = StringUtils.hasText(settings.localBaseUrl()) ? settings.localBaseUrl() : requestLocalBase;
        return new Origin(withSlash(local), LOCAL);
    }

    private static String withSlash(String base) {
        return base.endsWith("/") ? base : base + "/";
    }
}
