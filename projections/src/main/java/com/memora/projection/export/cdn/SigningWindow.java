package com.memora.projection.export.cdn;

import java.time.Duration;
import java.time.Instant;

/**
 * Fixed time windows for signed video URLs (decisions F7). Time is cut into windows of half a lifetime; a URL
 * signed at any moment of a window carries the window's start as its signing date and expires one lifetime after
 * it. So every signature made in one window is the same (same key, same bytes: F6), a link always has at least half
 * its lifetime left when it is written, and re-signing changes a lesson file at most once per half-lifetime.
 *
 * @param start  the signing date ({@code X-Amz-Date}), a multiple of half the lifetime since the epoch
 * @param expiry {@code start + lifetime}: the {@code signed_url_expiry} the lesson file carries
 */
public record SigningWindow(Instant start, Instant expiry) {

    public static SigningWindow of(Instant at, Duration lifetime) {
        long lifetimeSeconds = lifetime.toSeconds();
        if (lifetimeSeconds < 2) {
            throw new IllegalArgumentException("A signed URL lives at least 2 seconds, not " + lifetime);
        }
        long half = lifetimeSeconds / 2;
        long start = Math.floorDiv(at.getEpochSecond(), half) * half;
        return new SigningWindow(Instant.ofEpochSecond(start), Instant.ofEpochSecond(start + lifetimeSeconds));
    }

    public Duration lifetime() {
        return Duration.between(start, expiry);
    }

    /**
     * Whether a lesson file whose links expire at {@code fileExpiry} should be signed again now: when the window
     * of {@code now} ends later than the file's links, i.e. once per half-lifetime. The re-sign job asks this.
     */
    public static boolean resignDue(Instant fileExpiry, Instant now, Duration lifetime) {
        return fileExpiry == null || of(now, lifetime).expiry().isAfter(fileExpiry);
    }
}
