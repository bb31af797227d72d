package com.memora.infra.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.memora.infra.config.NodeProperties;
import com.memora.infra.embedded.LocalSecrets;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import java.text.ParseException;
import java.time.Clock;
import java.util.UUID;

/**
 * The embedded default's own token key (decisions X2): an RSA key made on first start and kept in the data
 * directory, so tokens stay valid across restarts. Only active in the embedded mode and only while no production
 * key is configured; the token helper exists only under the same condition.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(JwtKeyConditions.EmbeddedTokens.class)
public class EmbeddedTokenConfiguration {

    @Bean
    RSAKey embeddedSigningKey(NodeProperties node) {
        String json = LocalSecrets.readOrCreate(node.dataDir().resolve("keys/token-signing-key.jwk.json"), () -> {
            try {
                return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate().toJSONString();
            } catch (JOSEException e) {
                throw new IllegalStateException("Cannot generate the embedded token key", e);
            }
        });
        try {
            return RSAKey.parse(json);
        } catch (ParseException e) {
            throw new IllegalStateException("The embedded token key in the data directory is damaged; delete "
                                            + "keys/token-signing-key.jwk.json to make a new one", e);
        }
    }

    @Bean
    JwtDecoder jwtDecoder(RSAKey embeddedSigningKey) throws JOSEException {
        return NimbusJwtDecoder.withPublicKey(embeddedSigningKey.toRSAPublicKey()).build();
    }

    @Bean
    JwtEncoder embeddedJwtEncoder(RSAKey embeddedSigningKey) {
        return new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(embeddedSigningKey)));
    }

    @Bean
    DevTokenIssuer devTokenIssuer(JwtEncoder embeddedJwtEncoder, Clock clock) {
        return new DevTokenIssuer(embeddedJwtEncoder, clock);
    }
}
