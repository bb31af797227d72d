package com.memora.command.settings;

import com.memora.kernel.settings.CdnSecret;

import java.util.EnumMap;
import java.util.Map;

/** The secret vault for aggregate tests; the encrypting JDBC vault is exercised by the integration tests. */
final class InMemorySecretVault implements CdnSecretVault {

    final Map<CdnSecret, String> secrets = new EnumMap<>(CdnSecret.class);
    int writes;

    @Override
    public boolean matches(CdnSecret secret, String plaintext) {
        return plaintext.equals(secrets.get(secret));
    }

    @Override
    public void store(CdnSecret secret, String plaintext) {
        secrets.put(secret, plaintext);
        writes++;
    }

    @Override
    public void clear(CdnSecret secret) {
        secrets.remove(secret);
        writes++;
    }
}
