package com.memora.projection.export.cdn;

import com.memora.kernel.ops.Alert;
import com.memora.kernel.ops.AlertSeverity;
import com.memora.kernel.ops.Alerts;
import com.memora.kernel.settings.CdnSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;

/**
 * Readiness and health of the CDN (decisions O4), for the URL resolver: content URLs point at the CDN only while
 * it is <em>ready</em> (a full upload and a parity check passed since it was enabled or its bucket changed) and
 * <em>healthy</em> (no run of {@code failuresBeforeUnhealthy} consecutive failed uploads or probes, default 3). An
 * unhealthy CDN switches URLs to the local origin by itself and back on the next success; both switches raise an
 * alert. Readiness is reset by {@link CdnReadinessReset} when the settings enable the CDN or change its bucket, and
 * marked by the publication that passed a full upload and parity check ({@link #markReadyIfClean}).
 */
public final class CdnHealth implements CdnOutcomes {

    private static final Logger log = LoggerFactory.getLogger(CdnHealth.class);

    private final CdnStatusStore store;
    private final Alerts alerts;
    private final Clock clock;
    private final int failuresBeforeUnhealthy;

    public CdnHealth(CdnStatusStore store, Alerts alerts, Clock clock, int failuresBeforeUnhealthy) {
        if (failuresBeforeUnhealthy < 1) {
            throw new IllegalArgumentException("failuresBeforeUnhealthy is at least 1, not " + failuresBeforeUnhealthy);
        }
        this.store = store;
        this.alerts = alerts;
        this.clock = clock;
        this.failuresBeforeUnhealthy = failuresBeforeUnhealthy;
    }

    public CdnStatus status() {
        return store.current();
    }

    public int failuresBeforeUnhealthy() {
        return failuresBeforeUnhealthy;
    }

    /**
     * An upload, deletion, listing or probe reached the CDN and succeeded. Never throws: a database hiccup while
     * counting must not turn a finished upload into a failure (it is logged; the next outcome counts again).
     */
    @Override
    public void recordSuccess() {
        boolean recovered;
        try {
            recovered = store.recordSuccess(clock.instant());
        } catch (RuntimeException e) {
            log.warn("Cannot record a CDN success: {}", e.toString());
            return;
        }
        if (recovered) {
            log.info("The CDN answers again; content URLs may point at it again");
            alerts.resolve("cdn-unhealthy:CDN"); // the next run of failures is mailed at once
            alerts.raise(Alert.of("cdn-recovered", AlertSeverity.INFO, "CDN",
                                  "The CDN answers again after a run of failures; content URLs point at it again"
                                  + " (while it stays ready)."));
        }
    }

    /** An upload, deletion, listing or probe failed. Never throws: the caller is reporting a failure already. */
    @Override
    public void recordFailure(String failure) {
        CdnStatus after;
        try {
            after = store.recordFailure(clock.instant(), failure, failuresBeforeUnhealthy);
        } catch (RuntimeException e) {
            log.warn("Cannot record a CDN failure ({}): {}", failure, e.toString());
            return;
        }
        if (after.consecutiveFailures() == failuresBeforeUnhealthy) {
            log.warn("The CDN failed {} times in a row; content URLs fall back to the local origin",
                     failuresBeforeUnhealthy);
            alerts.resolve("cdn-recovered:CDN");
            alerts.raise(Alert.of("cdn-unhealthy", AlertSeverity.WARNING, "CDN",
                                  "The CDN failed " + failuresBeforeUnhealthy + " times in a row (last: " + failure
                                  + "). Content URLs point at the local origin until an upload or probe succeeds."));
        }
    }

    /** A full upload of every plan and a clean parity check passed for the bucket these settings name. */
    public void markReady(CdnSettings settings, String evidence) {
        store.markReady(CdnStatus.targetOf(settings), clock.instant(), evidence);
        log.info("CDN ready for {}: {}", CdnStatus.targetOf(settings), evidence);
    }

    /**
     * Marks the CDN ready when a parity check of the whole tree, made after a full upload, is clean.
     *
     * @return whether it was marked
     */
    public boolean markReadyIfClean(CdnSettings settings, ParityReport parity) {
        if (!parity.clean() || !ParityCheck.TREE.equals(parity.scope())) {
            return false;
        }
        markReady(settings, "full upload and clean parity check of " + parity.localFiles() + " files at "
                            + parity.checkedAt());
        return true;
    }

    /** Content URLs stay local until the next full upload and parity check. */
    public void resetReadiness(String reason) {
        store.resetReadiness(clock.instant(), reason);
        log.info("CDN readiness reset: {}", reason);
    }
}
