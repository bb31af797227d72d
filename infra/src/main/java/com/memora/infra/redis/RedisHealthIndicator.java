package com.memora.infra.redis;

import org.redisson.api.RedissonClient;
import org.redisson.api.redisnode.RedisNode;
import org.redisson.api.redisnode.RedisNodes;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Reports Redis. Not part of readiness: Safe Mode serves reads while Redis is down (decisions S4). */
@Component("redis")
class RedisHealthIndicator extends AbstractHealthIndicator {

    private final RedissonClient redisson;

    RedisHealthIndicator(RedissonClient redisson) {
        super("Redis is not reachable");
        this.redisson = redisson;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        var node = redisson.getRedisNodes(RedisNodes.SINGLE).getInstance();
        if (!node.ping(1, TimeUnit.SECONDS)) {
            builder.down().withDetail("reason", "no answer to PING within 1 s");
            return;
        }
        Map<String, String> server = node.info(RedisNode.InfoSection.SERVER);
        builder.up()
               .withDetail("version", server.getOrDefault("redis_version", "?"))
               .withDetail("run_id", server.getOrDefault("run_id", "?"));
    }
}
