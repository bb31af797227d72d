package com.memora.infra.redis;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * The Redis connection. Timeouts are short on purpose: when Redis is slow or gone, reads fall back to Safe Mode
 * quickly instead of holding a request for seconds.
 */
@ConfigurationProperties("memora.redis")
public record RedisProperties(String url, Duration connectTimeout, Duration commandTimeout) {

    public RedisProperties {
        url = url == null || url.isBlank() ? "redis://127.0.0.1:6379" : url;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(1) : connectTimeout;
        commandTimeout = commandTimeout == null ? Duration.ofSeconds(1) : commandTimeout;
    }
}
