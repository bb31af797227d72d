package com.memora.kernel.settings;

import com.memora.kernel.id.AggregateIds;

/** The CDN settings are a singleton: one aggregate per deployment. */
public final class CdnSettingsIds {

    public static final String SINGLETON = "default";
    public static final String AGGREGATE_ID = AggregateIds.of("cdn-settings", SINGLETON);

    private CdnSettingsIds() {
    }
}
