package com.memora.infra.settings;

import com.memora.infra.s3.S3Properties;
import com.memora.kernel.settings.CdnSecret;
import com.memora.kernel.settings.CdnSettings;
import com.memora.projection.settings.CdnSettingsState;
import org.springframework.stereotype.Service;

import java.util.Objects;
import java.util.Optional;

/**
 * The port through which infra code gets the CDN settings with decrypted secrets (decisions O8: the S3 connection
 * comes from the settings; properties only seed them). Reads the database on every call: the settings row changes
 * in the transaction that saves them, so a change is seen on every node at once (O4 asks for 1 s).
 * <p>
 * Secrets: the stored ones; while none is stored for one, the seed's is used only if the settings still point at
 * the seed's endpoint, so the deployment's own S3 credentials are never sent to another server.
 */
@Service
public class CdnSettingsProvider {

    private final JdbcCdnSettingsStore store;
    private final JdbcCdnSecretVault vault;
    private final S3Properties seed;

    CdnSettingsProvider(JdbcCdnSettingsStore store, JdbcCdnSecretVault vault, S3Properties seed) {
        this.store = store;
        this.vault = vault;
        this.seed = seed;
    }

    public CdnConnectionSettings current() {
        Optional<CdnSettingsState> stored = store.stored();
        if (stored.isEmpty()) {
            CdnSettingsState seeded = store.seeded();
            return new CdnConnectionSettings(seeded.settings(), seed.accessKey(), seed.secretKey(), null, "seed");
        }
        CdnSettings settings = stored.get().settings();
        boolean seedEndpoint = Objects.equals(settings.endpointUrl(), seed.endpoint());
        return new CdnConnectionSettings(settings,
                                         secret(CdnSecret.ACCESS_KEY, seedEndpoint ? seed.accessKey() : null),
                                         secret(CdnSecret.SECRET_KEY, seedEndpoint ? seed.secretKey() : null),
                                         secret(CdnSecret.CLOUDFLARE_API_TOKEN, null),
                                         "stored");
    }

    private String secret(CdnSecret secret, String fallback) {
        return vault.read(secret).orElse(fallback);
    }
}
