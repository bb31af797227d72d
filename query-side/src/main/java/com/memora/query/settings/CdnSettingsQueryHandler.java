package com.memora.query.settings;

import com.memora.kernel.settings.CdnSecret;
import com.memora.kernel.settings.CdnSettings;
import com.memora.kernel.settings.CdnSettingsResponse;
import com.memora.kernel.settings.FetchCdnSettingsQuery;
import com.memora.projection.settings.CdnSettingsState;
import com.memora.projection.settings.CdnSettingsStore;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.Optional;

@Component
class CdnSettingsQueryHandler {

    private final CdnSettingsStore store;

    CdnSettingsQueryHandler(CdnSettingsStore store) {
        this.store = store;
    }

    /** Never a secret: only whether each one is set (decisions X1). */
    @QueryHandler
    CdnSettingsResponse handle(FetchCdnSettingsQuery query) {
        Optional<CdnSettingsState> stored = store.stored();
        CdnSettingsState state = stored.orElseGet(store::current);
        CdnSettings settings = state.settings();
        return new CdnSettingsResponse(
                settings.enabled(), settings.localFallbackMode(),
                settings.storageProvider() == null ? null : settings.storageProvider().label(),
                settings.endpointUrl(), settings.bucketName(), settings.cdnBaseUrl(), settings.localBaseUrl(),
                settings.cloudflareZoneId(), settings.batchIntervalMinutes(), settings.batchThreshold(),
                settings.signedUrlExpiryHours(),
                state.secretsSet().contains(CdnSecret.ACCESS_KEY), state.secretsSet().contains(CdnSecret.SECRET_KEY),
                state.secretsSet().contains(CdnSecret.CLOUDFLARE_API_TOKEN),
                stored.isPresent() ? "stored" : "seed", state.updatedAt());
    }
}
