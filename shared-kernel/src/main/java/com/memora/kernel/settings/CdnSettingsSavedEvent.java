package com.memora.kernel.settings;

import java.util.List;

/**
 * The CDN settings were saved. It says which secrets changed and which are set, never their values (decisions
 * X1): events are kept forever and copied into backups.
 *
 * @param settings       all non-secret settings as they are now
 * @param changedFields  API names of the non-secret fields that changed
 * @param changedSecrets secrets that were set, replaced or cleared by this save
 * @param secretsSet     secrets that hold a value after this save
 */
public record CdnSettingsSavedEvent(CdnSettings settings,
                                    List<String> changedFields,
                                    List<CdnSecret> changedSecrets,
                                    List<CdnSecret> secretsSet) {
}
