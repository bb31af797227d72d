package com.memora.projection.export.cdn;

import java.util.List;

/**
 * What a purge did. {@code skipped} explains why nothing was sent at all (no zone configured, no CDN base URL);
 * otherwise each failed request is listed with its URLs and the reason.
 *
 * @param purgedUrls URLs of requests the provider accepted
 * @param failures   requests that failed, were refused or were not sent (rate limit), with their URLs
 * @param requests   purge requests sent
 */
public record PurgeReport(List<String> purgedUrls, List<Failure> failures, int requests, String skipped) {

    public PurgeReport {
        purgedUrls = List.copyOf(purgedUrls);
        failures = List.copyOf(failures);
    }

    public record Failure(List<String> urls, String reason) {

        public Failure {
            urls = List.copyOf(urls);
        }
    }

    public static PurgeReport skipped(String reason) {
        return new PurgeReport(List.of(), List.of(), 0, reason);
    }

    public boolean complete() {
        return skipped == null && failures.isEmpty();
    }

    public List<String> failedUrls() {
        return failures.stream().flatMap(failure -> failure.urls().stream()).toList();
    }
}
