package com.memora.infra.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.memora.infra.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Requests Spring Security's firewall refuses before anything else runs — encoded or plain {@code ..} segments,
 * {@code //}, encoded slashes, backslashes, semicolons — answer 400 with an RFC 7807 problem instead of an empty
 * 400 (the local origin's path-traversal guard, decisions F10, I1). Picked up by Spring Security as the
 * {@link RequestRejectedHandler} bean.
 */
@Configuration(proxyBeanMethods = false)
class RejectedRequestProblems {

    private static final Logger log = LoggerFactory.getLogger(RejectedRequestProblems.class);

    @Bean
    RequestRejectedHandler problemForRejectedRequests(ObjectMapper objectMapper) {
        return (request, response, rejected) -> {
            log.debug("Rejected request {}: {}", request.getRequestURI(), rejected.getMessage());
            ProblemResponses.write(response, objectMapper, Problems.rejectedPath());
        };
    }
}
