package com.memora.infra.security;

import com.memora.infra.embedded.EmbeddedSettings;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

import java.util.stream.Stream;

/** Which key verifies bearer tokens: a deployment's own, or the embedded default's generated one (X2). */
final class JwtKeyConditions {

    private static final String PREFIX = "spring.security.oauth2.resourceserver.jwt.";

    private JwtKeyConditions() {
    }

    static boolean productionKeyConfigured(Environment environment) {
        return Stream.of("jwk-set-uri", "issuer-uri", "public-key-location")
                     .anyMatch(key -> StringUtils.hasText(environment.getProperty(PREFIX + key)));
    }

    static boolean embeddedActive(Environment environment) {
        return environment.getProperty(EmbeddedSettings.ACTIVE_PROPERTY, Boolean.class, false);
    }

    /** The embedded default with no production key: it signs its own tokens and offers the token helper. */
    static final class EmbeddedTokens implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            Environment environment = context.getEnvironment();
            return embeddedActive(environment) && !productionKeyConfigured(environment);
        }
    }

    /** External mode without a key: nothing could verify a token, which must stop the start, not open the API. */
    static final class NoKeyAtAll implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            Environment environment = context.getEnvironment();
            return !embeddedActive(environment) && !productionKeyConfigured(environment);
        }
    }
}
