package com.memora.infra.settings;

import com.memora.infra.config.NodeProperties;
import com.memora.infra.embedded.EmbeddedSettings;
import com.memora.infra.embedded.LocalSecrets;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * The key for secrets at rest: {@code memora.secrets.key}, or on the embedded default one it makes in its data
 * directory ({@code keys/secrets.key}). A deployment without one refuses to start, as it does without a token key:
 * a key generated silently on one node's disk would leave the other nodes unable to read the secrets, and lose
 * them all with that disk.
 */
@Configuration(proxyBeanMethods = false)
class SecretsConfiguration {

    @Bean
    SecretCipher secretCipher(SecretsProperties properties, Environment environment, NodeProperties node) {
        if (StringUtils.hasText(properties.key())) {
            return SecretCipher.fromBase64(properties.key());
        }
        if (environment.getProperty(EmbeddedSettings.ACTIVE_PROPERTY, Boolean.class, false)) {
            return SecretCipher.fromBase64(LocalSecrets.readOrCreate(node.dataDir().resolve("keys/secrets.key"),
                                                                     SecretCipher::newBase64Key));
        }
        throw new IllegalStateException("memora.secrets.key is not configured. Set it to base64 of 32 random bytes "
                                        + "(openssl rand -base64 32), the same on every node; it encrypts the CDN "
                                        + "secrets stored in the database.");
    }
}
