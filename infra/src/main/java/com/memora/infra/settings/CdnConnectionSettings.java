package com.memora.infra.settings;

import com.memora.kernel.settings.CdnSettings;

/**
 * The CDN settings in force <em>with</em> their secrets decrypted. For infra code that connects to the store (the
 * connection test now, the CDN upload later); never returned by the API and never logged ({@link #toString()}).
 *
 * @param source {@code stored} or {@code seed}
 */
public record CdnConnectionSettings(CdnSettings settings,
                                    String accessKey,
                                    String secretKey,
                                    String cloudflareApiToken,
                                    String source) {

    @Override
    public String toString() {
        return "CdnConnectionSettings[settings=" + settings + ", source=" + source + ", secrets hidden]";
    }
}
