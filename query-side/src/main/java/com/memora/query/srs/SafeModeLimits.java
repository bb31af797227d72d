package com.memora.query.srs;

/**
 * Port: the limits on review reads in Safe Mode (decisions S4) — so many per minute on this node and one per
 * player per interval — kept in the application, since the Redis that used to keep them is what failed.
 */
public interface SafeModeLimits {

    /**
     * Admits one Safe Mode read of the player.
     *
     * @throws com.memora.kernel.error.RateLimitedException beyond either limit, with the seconds to wait
     */
    void admit(String playerId);
}
