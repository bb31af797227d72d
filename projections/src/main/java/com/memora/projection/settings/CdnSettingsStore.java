package com.memora.projection.settings;

import java.util.Optional;

/** Port to the current CDN settings (no secrets). */
public interface CdnSettingsStore {

    void save(CdnSettingsState state, long sequence);

    /** The saved settings; empty until an administrator first saves them. */
    Optional<CdnSettingsState> stored();

    /** The saved settings, or the deployment's seed (its S3 properties, decisions O8) while none are saved. */
    CdnSettingsState current();

    void deleteAll();
}
