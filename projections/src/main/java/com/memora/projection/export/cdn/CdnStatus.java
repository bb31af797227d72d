package com.memora.projection.export.cdn;

import com.memora.kernel.settings.CdnSettings;

import java.time.Instant;
import java.util.Objects;

/**
 * The CDN's operational state, shared by every node (decisions O4), kept in a plain table no replay touches.
 *
 * @param ready               a full upload and a parity check passed for {@code readyTarget} since the CDN was
 *                            enabled or its bucket changed
 * @param readyTarget         the endpoint and bucket that readiness was established for ({@link #targetOf})
 * @param readinessNote       why it is (not) ready: what marked or reset it
 * @param healthy             fewer than the configured number of consecutive failed uploads or probes
 * @param consecutiveFailures failed uploads or probes since the last success
 */
public record CdnStatus(boolean ready,
                        String readyTarget,
                        Instant readySince,
                        String readinessNote,
                        boolean healthy,
                        int consecutiveFailures,
                        Instant lastFailureAt,
                        String lastFailure,
                        Instant lastSuccessAt,
                        Instant unhealthySince,
                        Instant updatedAt) {

    /** What readiness is tied to: the store and bucket the files were published to. */
    public static String targetOf(CdnSettings settings) {
        return settings.endpointUrl() + " bucket " + settings.bucketName();
    }

    /** Ready for the bucket these settings name (a ready mark for another bucket does not count). */
    public boolean readyFor(CdnSettings settings) {
        return ready && Objects.equals(readyTarget, targetOf(settings));
    }

    /** Whether content URLs may point at the CDN, as far as the CDN's own state goes (O4: ready and healthy). */
    public boolean servesContent(CdnSettings settings) {
        return readyFor(settings) && healthy;
    }
}
