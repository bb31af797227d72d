package com.memora.projection.export.files;

import java.time.Instant;

/**
 * Turns the stored {@code video_url} of a Video stage into the link a lesson file carries. Signing belongs to
 * the CDN work (decisions F7: our own bucket only, in fixed time windows); until then the URL is kept as it is.
 */
@FunctionalInterface
public interface VideoUrlSigner {

    /** Keeps every URL as stored, unsigned. */
    VideoUrlSigner UNSIGNED = (url, buildTime) -> SignedVideoUrl.unsigned(url);

    /**
     * @param storedUrl the URL as the editor stored it
     * @param buildTime the build's generation time, so that signing is a function of its inputs (F6)
     */
    SignedVideoUrl sign(String storedUrl, Instant buildTime);
}
