package com.memora.infra.ops;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * How interrupted work is told from work in progress (README "Operations"): each node refreshes the heartbeat of
 * the jobs and scheduled runs it is running every {@code heartbeatInterval}; RUNNING work whose heartbeat is older
 * than {@code staleAfter} belongs to a node that stopped, and is marked FAILED. How often that is looked for
 * ({@code memora.jobs.sweep-interval}, default 1 min) is read by the sweepers' own triggers.
 */
@ConfigurationProperties("memora.jobs")
public record JobHeartbeatProperties(Duration heartbeatInterval, Duration staleAfter) {

    public JobHeartbeatProperties {
        heartbeatInterval = heartbeatInterval == null ? Duration.ofSeconds(5) : heartbeatInterval;
        staleAfter = staleAfter == null ? Duration.ofMinutes(2) : staleAfter;
        if (staleAfter.compareTo(heartbeatInterval.multipliedBy(3)) < 0) {
            throw new IllegalArgumentException("memora.jobs.stale-after (" + staleAfter + ") must be at least three "
                                               + "heartbeat intervals (" + heartbeatInterval + ")");
        }
    }
}
