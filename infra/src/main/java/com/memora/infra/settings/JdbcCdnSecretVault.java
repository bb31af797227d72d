package com.memora.infra.settings;

import com.memora.command.settings.CdnSecretVault;
import com.memora.kernel.settings.CdnSecret;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;

/** CDN secrets, AES-GCM encrypted, in {@code cdn_secret}; writes join the command's transaction. */
@Repository
class JdbcCdnSecretVault implements CdnSecretVault {

    private final JdbcClient jdbc;
    private final SecretCipher cipher;
    private final Clock clock;

    JdbcCdnSecretVault(JdbcClient jdbc, SecretCipher cipher, Clock clock) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.clock = clock;
    }

    @Override
    public boolean matches(CdnSecret secret, String plaintext) {
        Optional<String> stored;
        try {
            stored = read(secret);
        } catch (IllegalStateException unreadable) {
            return false; // encrypted with another key: storing it again repairs it
        }
        return stored.isPresent() && MessageDigest.isEqual(stored.get().getBytes(StandardCharsets.UTF_8),
                                                           plaintext.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void store(CdnSecret secret, String plaintext) {
        jdbc.sql("""
                 insert into cdn_secret (name, ciphertext, key_id, updated_at) values (:name, :ciphertext, :key, :at)
                 on conflict (name) do update set ciphertext = excluded.ciphertext, key_id = excluded.key_id,
                                                  updated_at = excluded.updated_at
                 """)
            .param("name", secret.apiName())
            .param("ciphertext", cipher.encrypt(secret.apiName(), plaintext))
            .param("key", cipher.keyId())
            .param("at", clock.instant().atOffset(ZoneOffset.UTC))
            .update();
    }

    @Override
    public void clear(CdnSecret secret) {
        jdbc.sql("delete from cdn_secret where name = :name").param("name", secret.apiName()).update();
    }

    /**
     * The decrypted secret, for infra code only (the CDN client). Never exposed through the API.
     *
     * @throws IllegalStateException when it was encrypted with another key
     */
    Optional<String> read(CdnSecret secret) {
        return jdbc.sql("select ciphertext, key_id from cdn_secret where name = :name")
                   .param("name", secret.apiName())
                   .query((rs, row) -> cipher.decrypt(secret.apiName(), rs.getBytes("ciphertext"),
                                                      rs.getString("key_id")))
                   .optional();
    }
}
