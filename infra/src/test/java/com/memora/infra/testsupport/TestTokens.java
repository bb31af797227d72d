package com.memora.infra.testsupport;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

/**
 * Tokens for tests, signed by a key that plays the deployment's identity provider: the service is configured with
 * its public key ({@code public-key-location}), exactly as a production deployment would be.
 */
public final class TestTokens {

    private static RSAKey key;
    private static Path publicKeyFile;

    private TestTokens() {
    }

    private static synchronized RSAKey key() {
        if (key == null) {
            try {
                key = new RSAKeyGenerator(2048).keyID("test").generate();
                publicKeyFile = Files.createTempFile("memora-test-jwt", ".pem");
                publicKeyFile.toFile().deleteOnExit();
                String pem = "-----BEGIN PUBLIC KEY-----\n"
                             + Base64.getMimeEncoder(64, "\n".getBytes())
                                     .encodeToString(key.toRSAPublicKey().getEncoded())
                             + "\n-----END PUBLIC KEY-----\n";
                Files.writeString(publicKeyFile, pem);
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return key;
    }

    /** The value for {@code spring.security.oauth2.resourceserver.jwt.public-key-location}. */
    public static String publicKeyLocation() {
        key();
        return "file:" + publicKeyFile.toAbsolutePath();
    }

    public static String token(String subject, String... roles) {
        return token(subject, Duration.ofHours(1), roles);
    }

    public static String admin() {
        return token("admin-1", "ADMIN");
    }

    public static String editor() {
        return token("editor-1", "EDITOR");
    }

    public static String player(String playerId) {
        return token(playerId, "PLAYER");
    }

    public static String token(String subject, Duration lifetime, String... roles) {
        try {
            Instant now = Instant.now();
            JWTClaimsSet claims = new JWTClaimsSet.Builder()
                    .subject(subject)
                    .issuer("test-idp")
                    .issueTime(Date.from(now))
                    .expirationTime(Date.from(now.plus(lifetime)))
                    .claim("roles", List.of(roles))
                    .build();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("test").build(), claims);
            jwt.sign(new RSASSASigner(key()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
