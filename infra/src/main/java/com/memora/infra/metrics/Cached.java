package com.memora.infra.metrics;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * A value read at most once per interval: one scrape asks many gauges that share one query, and the query runs
 * once. Timed on the monotonic clock — this bounds database work, it is not business time.
 */
final class Cached<T> {

    private final Supplier<T> source;
    private final long ttlNanos;
    private T value;
    private long readAt;
    private boolean present;

    Cached(Supplier<T> source, Duration ttl) {
        this.source = source;
        this.ttlNanos = ttl.toNanos();
    }

    synchronized T get() {
        long now = System.nanoTime();
        if (!present || now - readAt >= ttlNanos) {
            value = source.get();
            readAt = now;
            present = true;
        }
        return value;
    }
}
