package com.memora.infra.ops.dashboard;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The operator dashboard (README "Operations"): a static page, {@code /admin/}, served from
 * {@code classpath:/static/admin/}. The page holds no data and is public; everything it shows comes from the
 * ADMIN API, called with the bearer token the operator signs in with (pasted, or from the embedded default's token
 * helper). Its own filter chain only serves the page — GET, nothing else — with a Content Security Policy that
 * allows scripts, styles and requests from this origin only.
 */
@Configuration(proxyBeanMethods = false)
class DashboardPage implements WebMvcConfigurer {

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
                                                  + "img-src 'self' data:; connect-src 'self'; "
                                                  + "frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/admin", "/admin/");
        registry.addViewController("/admin/").setViewName("forward:/admin/index.html");
    }

    /** Before the API's chain, which refuses every path it does not name. */
    @Bean
    @Order(1)
    SecurityFilterChain dashboardPageSecurity(HttpSecurity http) throws Exception {
        http.securityMatcher("/admin", "/admin/", "/admin/**")
            .csrf(csrf -> csrf.disable())
            .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .httpBasic(basic -> basic.disable())
            .formLogin(form -> form.disable())
            .authorizeHttpRequests(requests -> requests
                    .requestMatchers(HttpMethod.GET, "/admin", "/admin/", "/admin/**").permitAll()
                    .anyRequest().denyAll())
            .headers(headers -> headers
                    .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                    .referrerPolicy(referrer -> referrer.policy(
                            ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)));
        return http.build();
    }
}
