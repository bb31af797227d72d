package com.memora.infra.cdn;

import com.memora.infra.settings.CdnSettingsProvider;
import com.memora.kernel.settings.CdnSettings;
import com.memora.projection.export.cdn.CdnHealth;
import com.memora.projection.export.cdn.CdnStatus;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * Reports the CDN's state as the URL resolver sees it (decisions O4): where content URLs point and why, the run of
 * failures, readiness. DOWN only while the CDN is enabled and unhealthy. Not part of readiness: the local origin
 * serves meanwhile (decisions S4), so a node stays in service.
 */
@Component("cdn")
class CdnStatusHealthIndicator extends AbstractHealthIndicator {

    private final CdnHealth health;
    private final CdnSettingsProvider settings;

    CdnStatusHealthIndicator(CdnHealth health, CdnSettingsProvider settings) {
        super("The CDN state cannot be read");
        this.health = health;
        this.settings = settings;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        CdnSettings cdn = settings.current().settings();
        CdnStatus status = health.status();
        boolean serving = !cdn.localFallbackMode() && cdn.enabled() && cdn.cdnBaseUrl() != null
                          && status.servesContent(cdn);
        (cdn.enabled() && !status.healthy() ? builder.down() : builder.up())
                .withDetail("enabled", cdn.enabled())
                .withDetail("local_fallback_mode", cdn.localFallbackMode())
                .withDetail("content_urls", serving ? "cdn" : "local")
                .withDetail("ready", status.readyFor(cdn))
                .withDetail("readiness", String.valueOf(status.readinessNote()))
                .withDetail("healthy", status.healthy())
                .withDetail("consecutive_failures", status.consecutiveFailures())
                .withDetail("last_failure", String.valueOf(status.lastFailure()));
    }
}
