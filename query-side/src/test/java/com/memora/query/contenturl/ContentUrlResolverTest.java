package com.memora.query.contenturl;

import com.memora.kernel.settings.CdnSettings;
import com.memora.kernel.settings.StorageProvider;
import com.memora.projection.export.cdn.CdnStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Decisions O4, every branch: fallback mode, enabled, base URL, ready (for this bucket), healthy. */
class ContentUrlResolverTest {

    private static final String REQUEST_LOCAL = "http://node-1:8080/files/memora_content/";
    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    private static CdnSettings settings(boolean enabled, boolean fallback, String cdnBase, String localBase,
                                        String bucket) {
        return new CdnSettings(enabled, fallback, StorageProvider.CLOUDFLARE_R2, "https://acc.r2.example.com",
                               bucket, cdnBase, localBase, null, 5, 50, 4);
    }

    private static CdnSettings cdnOn() {
        return settings(true, false, "https://cdn.memora.app", null, "content");
    }

    private static CdnStatus status(CdnSettings readyFor, boolean healthy) {
        return new CdnStatus(readyFor != null, readyFor == null ? null : CdnStatus.targetOf(readyFor), NOW, "test",
                             healthy, healthy ? 0 : 3, null, null, NOW, null, NOW);
    }

    private static ContentUrlResolver.Origin origin(CdnSettings settings, CdnStatus status) {
        return ContentUrlResolver.origin(settings, true, status, REQUEST_LOCAL);
    }

    @Test
    void anEnabledReadyHealthyCdnWithABaseUrlServesContent() {
        ContentUrlResolver.Origin origin = origin(cdnOn(), status(cdnOn(), true));
        assertThat(origin.source()).isEqualTo("cdn");
        assertThat(origin.url("plans/P1/manifest.json")).isEqualTo("https://cdn.memora.app/plans/P1/manifest.json");
    }

    @Test
    void fallbackModeWinsOverEverything() {
        CdnSettings fallback = settings(true, true, "https://cdn.memora.app", null, "content");
        assertThat(origin(fallback, status(fallback, true)).source()).isEqualTo("local");
    }

    @Test
    void eachMissingConditionSendsUrlsToTheLocalOrigin() {
        CdnSettings disabled = settings(false, false, "https://cdn.memora.app", null, "content");
        CdnSettings noBase = settings(true, false, null, null, "content");
        CdnSettings otherBucket = settings(true, false, "https://cdn.memora.app", null, "content-2");

        assertThat(origin(disabled, status(disabled, true)).source()).as("disabled").isEqualTo("local");
        assertThat(origin(noBase, status(noBase, true)).source()).as("no CDN base URL").isEqualTo("local");
        assertThat(origin(cdnOn(), status(null, true)).source()).as("not ready").isEqualTo("local");
        assertThat(origin(otherBucket, status(cdnOn(), true)).source())
                .as("ready for another bucket").isEqualTo("local");
        assertThat(origin(cdnOn(), status(cdnOn(), false)).source()).as("unhealthy").isEqualTo("local");
        assertThat(ContentUrlResolver.origin(cdnOn(), false, status(cdnOn(), true), REQUEST_LOCAL).source())
                .as("enabled, but without a bucket or credentials").isEqualTo("local");
    }

    @Test
    void aPlanWhoseCdnCopyIsNotCurrentGetsLocalUrlsWithTheReason() {
        ContentUrlResolver.Origin global = origin(cdnOn(), status(cdnOn(), true));
        ContentUrlResolver.Origin owing = ContentUrlResolver.forPlan(global, cdnOn(), REQUEST_LOCAL, "retry wait");
        assertThat(owing.source()).isEqualTo("local");
        assertThat(owing.reason()).isEqualTo("retry wait");
        assertThat(owing.url("plans/P1/manifest.json"))
                .isEqualTo("http://node-1:8080/files/memora_content/plans/P1/manifest.json");
        assertThat(ContentUrlResolver.forPlan(global, cdnOn(), REQUEST_LOCAL, null)).isEqualTo(global);
    }

    @Test
    void theLocalBaseIsTheSettingOrTheRequestsOwnBase() {
        ContentUrlResolver.Origin fromRequest = origin(settings(false, false, null, null, "content"),
                                                       status(null, true));
        assertThat(fromRequest.url("plans/P1/manifest.json"))
                .isEqualTo("http://node-1:8080/files/memora_content/plans/P1/manifest.json");

        ContentUrlResolver.Origin fromSetting = origin(
                settings(false, false, null, "https://origin.memora.app/files/memora_content", "content"),
                status(null, true));
        assertThat(fromSetting.url("plans/P1/manifest.json"))
                .isEqualTo("https://origin.memora.app/files/memora_content/plans/P1/manifest.json");
        assertThat(fromSetting.source()).isEqualTo("local");
    }
}
