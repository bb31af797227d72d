package com.memora.infra.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.memora.infra.web.Problems;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;


/**
 * Bearer JWTs (decisions X2): {@code sub} is the user id, the {@code roles} claim holds ADMIN, EDITOR and/or
 * PLAYER. Deny by default, in two layers: the path rules below (checked before a request body is even read, so an
 * unauthorized caller learns nothing from validation errors; paths they do not name are refused), and the
 * {@code @PreAuthorize} that every endpoint method carries (finer rules, such as ADMIN for permanent deletes).
 * 401 and 403 are RFC 7807 problems.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
public class SecurityConfiguration {

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, ObjectMapper objectMapper) throws Exception {
        http.csrf(csrf -> csrf.disable())
            .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .httpBasic(basic -> basic.disable())
            .formLogin(form -> form.disable())
            .authorizeHttpRequests(requests -> requests
                    .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**").permitAll()
                    .requestMatchers("/actuator/**").hasRole("ADMIN")
                    .requestMatchers(HttpMethod.GET, "/dev/tokens", "/dev/tokens/*").permitAll()
                    .requestMatchers("/error").permitAll()
                    // the local origin of the generated tree: public by design, like the bucket (decisions F10)
                    .requestMatchers(HttpMethod.GET, "/files/memora_content", "/files/memora_content/**").permitAll()
                    .requestMatchers(HttpMethod.HEAD, "/files/memora_content", "/files/memora_content/**").permitAll()
                    .requestMatchers("/api/admin/**", "/api/settings/**").hasRole("ADMIN")
                    .requestMatchers("/api/reviews", "/api/reviews/**").hasRole("PLAYER")
                    .requestMatchers(HttpMethod.GET, "/api/seasons", "/api/seasons/*", "/api/content-url",
                                     "/api/plans/*/content-url").authenticated()
                    .requestMatchers("/api/**").hasRole("EDITOR")
                    .anyRequest().denyAll())
            .oauth2ResourceServer(resourceServer -> resourceServer
                    .jwt(jwt -> jwt.jwtAuthenticationConverter(rolesClaimConverter()))
                    .authenticationEntryPoint(problemEntryPoint(objectMapper))
                    .accessDeniedHandler(problemAccessDenied(objectMapper)))
            .exceptionHandling(errors -> errors
                    .authenticationEntryPoint(problemEntryPoint(objectMapper))
                    .accessDeniedHandler(problemAccessDenied(objectMapper)));
        return http.build();
    }

    /** ADMIN may do everything an EDITOR or a PLAYER may. */
    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.fromHierarchy("""
                                               ROLE_ADMIN > ROLE_EDITOR
                                               ROLE_ADMIN > ROLE_PLAYER
                                               """);
    }

    /** External mode without a verification key must not start: nothing could check a token. */
    @Bean
    @Conditional(JwtKeyConditions.NoKeyAtAll.class)
    JwtDecoder missingJwtKey() {
        throw new IllegalStateException(
                "No JWT verification key is configured. Set spring.security.oauth2.resourceserver.jwt."
                + "jwk-set-uri, issuer-uri or public-key-location (or run the embedded default, which makes "
                + "its own key).");
    }

    private static JwtAuthenticationConverter rolesClaimConverter() {
        JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName("roles");
        roles.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(roles);
        converter.setPrincipalClaimName("sub");
        return converter;
    }

    private static AuthenticationEntryPoint problemEntryPoint(ObjectMapper objectMapper) {
        BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
        return (request, response, exception) -> {
            bearer.commence(request, response, exception); // keeps the WWW-Authenticate header
            boolean tokenSent = request.getHeader("Authorization") != null;
            ProblemResponses.write(response, objectMapper, Problems.of(
                    HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized",
                    tokenSent ? "The bearer token is invalid or expired" : "A bearer token is required"));
        };
    }

    private static AccessDeniedHandler problemAccessDenied(ObjectMapper objectMapper) {
        BearerTokenAccessDeniedHandler bearer = new BearerTokenAccessDeniedHandler();
        return (request, response, exception) -> {
            bearer.handle(request, response, exception);
            ProblemResponses.write(response, objectMapper, Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                                                             "Your role does not allow this request"));
        };
    }
}
