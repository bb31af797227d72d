package com.memora.kernel.settings;

/** The CDN settings in force, without secrets; answered with {@link CdnSettingsResponse}. */
public record FetchCdnSettingsQuery() {
}
