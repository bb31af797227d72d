package com.memora.projection.export.cdn;

import com.memora.kernel.settings.CdnSecret;
import com.memora.kernel.settings.CdnSettingsSavedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.stream.Stream;

/**
 * Readiness ends when the CDN is enabled, disabled, pointed at another store or bucket, or its keys change or are
 * cleared (decisions O4; any connection field, so also whenever the settings stop or start naming everything a
 * publication needs — while they do not, nothing reaches the bucket): what is
 * in the bucket can no longer be assumed to match the local files, so content URLs stay local until the next full
 * upload and parity check mark it ready again. A subscribing processor ({@code application.yml}): the reset commits
 * with the settings, so no node ever serves CDN URLs for a bucket nobody checked. It has effects on operational
 * state only and none on replay (there is nothing to rebuild: the state is not derived from events alone).
 */
@Component
@ProcessingGroup(CdnReadinessReset.PROCESSING_GROUP)
public class CdnReadinessReset {

    public static final String PROCESSING_GROUP = "cdn-status";
    private static final List<String> FIELDS_THAT_RESET = List.of("enabled", "endpoint_url", "bucket_name",
                                                                  "storage_provider");
    private static final List<CdnSecret> SECRETS_THAT_RESET = List.of(CdnSecret.ACCESS_KEY, CdnSecret.SECRET_KEY);

    private final CdnHealth health;

    public CdnReadinessReset(CdnHealth health) {
        this.health = health;
    }

    @EventHandler
    @DisallowReplay
    void on(CdnSettingsSavedEvent event) {
        List<String> reasons = Stream.concat(
                event.changedFields().stream().filter(FIELDS_THAT_RESET::contains),
                event.changedSecrets().stream().filter(SECRETS_THAT_RESET::contains).map(CdnSecret::apiName)).toList();
        if (!reasons.isEmpty()) {
            health.resetReadiness("settings changed: " + String.join(", ", reasons));
        }
    }
}
