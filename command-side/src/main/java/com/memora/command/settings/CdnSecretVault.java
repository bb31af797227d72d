package com.memora.command.settings;

import com.memora.kernel.settings.CdnSecret;

/**
 * Where CDN secrets live: encrypted, outside the event store and snapshots (decisions X1). Writes join the
 * command's transaction, so a secret changes if and only if the settings event that says so is stored.
 */
public interface CdnSecretVault {

    /** Whether the stored secret equals {@code plaintext} (so a re-sent secret is not reported as changed). */
    boolean matches(CdnSecret secret, String plaintext);

    void store(CdnSecret secret, String plaintext);

    void clear(CdnSecret secret);
}
