package com.memora.infra.security;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Signs tokens with the embedded default's key, for people trying the service on their own machine. */
public class DevTokenIssuer {

    static final String ISSUER = "memora-embedded";

    private final JwtEncoder encoder;
    private final Clock clock;

    DevTokenIssuer(JwtEncoder encoder, Clock clock) {
        this.encoder = encoder;
        this.clock = clock;
    }

    public IssuedToken issue(String subject, List<String> roles, Duration lifetime) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(lifetime);
        JwtClaimsSet claims = JwtClaimsSet.builder()
                                          .issuer(ISSUER)
                                          .subject(subject)
                                          .issuedAt(now)
                                          .expiresAt(expiresAt)
                                          .claim("roles", roles)
                                          .build();
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).build();
        String token = encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
        return new IssuedToken(token, subject, roles, expiresAt);
    }

    public record IssuedToken(String token, String sub, List<String> roles, Instant expiresAt) {
    }
}
