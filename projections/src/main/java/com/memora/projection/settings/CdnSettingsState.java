package com.memora.projection.settings;

import com.memora.kernel.settings.CdnSecret;
import com.memora.kernel.settings.CdnSettings;

import java.time.Instant;
import java.util.Set;

/** The CDN settings in force (without secrets), and which secrets are set. */
public record CdnSettingsState(CdnSettings settings, Set<CdnSecret> secretsSet, Instant updatedAt) {
}
