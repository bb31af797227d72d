package com.memora.infra.redis;

import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Redisson client, built here because redisson-spring-boot-starter 4.x targets Spring Boot 4. It connects
 * lazily (on the first command), so the service starts and stays ready while Redis is down (decisions S4).
 */
@Configuration(proxyBeanMethods = false)
public class RedisConfiguration {

    @Bean(destroyMethod = "shutdown")
    RedissonClient redissonClient(RedisProperties properties) {
        Config config = new Config();
        config.setLazyInitialization(true);
        config.useSingleServer()
              .setAddress(properties.url())
              .setConnectTimeout((int) properties.connectTimeout().toMillis())
              .setTimeout((int) properties.commandTimeout().toMillis())
              .setRetryAttempts(1)
              .setRetryInterval(100)
              .setConnectionMinimumIdleSize(4)
              .setConnectionPoolSize(32)
              .setPingConnectionInterval(5_000)
              .setClientName("memora-core");
        return Redisson.create(config);
    }
}
