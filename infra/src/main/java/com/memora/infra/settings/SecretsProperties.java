package com.memora.infra.settings;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param key the AES-256 key that encrypts stored secrets, base64 of 32 bytes ({@code openssl rand -base64 32});
 *            every node of a deployment needs the same one. The embedded default makes its own.
 */
@ConfigurationProperties("memora.secrets")
public record SecretsProperties(String key) {
}
