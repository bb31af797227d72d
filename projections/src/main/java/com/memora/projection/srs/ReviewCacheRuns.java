package com.memora.projection.srs;

/**
 * Port: which Redis run the review queues belong to (decisions R6). A Redis that restarted (a new run id) may have come
 * back from an old append-only file or snapshot, with queues that missed submissions; every queue is dropped then, and
 * reads rebuild them. Whoever writes many queues (a cache rebuild) asks before each batch: queues written in an earlier
 * run were dropped, and must be written again.
 */
public interface ReviewCacheRuns {

    /**
     * Handles a restart first if Redis has one that is not handled yet (drops every queue; waits while another node
     * is doing so), then names the Redis run whose queues are current.
     *
     * @throws ReviewQueuesUnavailableException when Redis fails or Safe Mode is on
     */
    String currentRun();
}
