package com.memora.projection.export.files;

import java.time.Instant;
import java.util.Objects;

/**
 * A video link as it goes into a lesson file.
 *
 * @param expiresAt when the signature stops working, or null for a link that is not signed (an external URL)
 */
public record SignedVideoUrl(String url, Instant expiresAt) {

    public SignedVideoUrl {
        Objects.requireNonNull(url, "url");
    }

    public static SignedVideoUrl unsigned(String url) {
        return new SignedVideoUrl(url, null);
    }
}
