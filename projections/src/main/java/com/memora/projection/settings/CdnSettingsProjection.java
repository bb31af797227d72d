package com.memora.projection.settings;

import com.memora.kernel.settings.CdnSecret;
import com.memora.kernel.settings.CdnSettingsSavedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * Keeps the current CDN settings row. A subscribing processor ({@code application.yml}): the row changes in the
 * transaction that stores the event, so every node reads the new settings from the moment the save returns
 * (decisions O4 asks for 1 s) and a connection test right after a save uses what was saved. Rebuilt from the event
 * store like the content registry: {@code POST /api/admin/lookups/cdn-settings/rebuild}.
 */
@Component
@ProcessingGroup(CdnSettingsProjection.PROCESSING_GROUP)
public class CdnSettingsProjection {

    public static final String PROCESSING_GROUP = "cdn-settings";

    private final CdnSettingsStore store;

    public CdnSettingsProjection(CdnSettingsStore store) {
        this.store = store;
    }

    @EventHandler
    void on(CdnSettingsSavedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        Set<CdnSecret> secretsSet = EnumSet.noneOf(CdnSecret.class);
        secretsSet.addAll(event.secretsSet());
        store.save(new CdnSettingsState(event.settings(), secretsSet, at), sequence);
    }

    @ResetHandler
    void reset() {
        store.deleteAll();
    }
}
