package com.memora.command.srs;

/** Port: the per-player limit on review submissions (decisions S7), kept in the application. */
public interface SubmissionRateLimiter {

    /**
     * Takes one submission permit of the player.
     *
     * @throws com.memora.kernel.error.RateLimitedException when the player has used up the current window
     */
    void acquire(String playerId);
}
