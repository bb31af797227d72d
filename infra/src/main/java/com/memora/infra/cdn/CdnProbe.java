package com.memora.infra.cdn;

import com.memora.projection.export.cdn.CdnHealth;
import com.memora.projection.export.cdn.CdnPublishException;
import io.minio.BucketExistsArgs;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;

/**
 * The CDN health probe (decisions O4): asks the store whether the bucket exists and records the answer, so a CDN
 * that stopped answering makes content URLs fall back to the local origin after a run of failed probes even when no
 * upload is running, and one that answers again brings them back. A job method: the scheduler (one node at a time,
 * ShedLock) calls {@link #probe()}; tests call it directly. Nothing is probed while the CDN is disabled.
 */
@Component
public class CdnProbe {

    /** What one probe found. */
    public record Result(Instant at, boolean probed, boolean ok, String detail) {
    }

    private final CdnClients clients;
    private final CdnHealth health;
    private final Clock clock;

    CdnProbe(CdnClients clients, CdnHealth health, Clock clock) {
        this.clients = clients;
        this.health = health;
        this.clock = clock;
    }

    private static String unconfigured(CdnTarget target) {
        try {
            target.requireConfigured();
            return "not configured";
        } catch (CdnPublishException e) {
            return e.getMessage();
        }
    }

    public Result probe() {
        CdnTarget target = clients.fresh();
        if (!target.settings().enabled()) {
            return new Result(clock.instant(), false, false, "the CDN is disabled; not probed");
        }
        if (!target.configured()) {
            // switched on without a store, bucket or keys: nothing can be published, which is a failure to show
            String failure = "Probe: the CDN is enabled, but " + unconfigured(target);
            health.recordFailure(failure);
            return new Result(clock.instant(), false, false, failure);
        }
        String failure;
        try {
            if (target.client().bucketExists(BucketExistsArgs.builder().bucket(target.bucket()).build())) {
                health.recordSuccess();
                return new Result(clock.instant(), true, true, "bucket " + target.bucket() + " answers");
            }
            failure = "Probe: the store answers, but has no bucket '" + target.bucket() + "'";
        } catch (Exception e) {
            CdnPublishException classified = S3Failures.classify("Probe of bucket", target.bucket(), e);
            failure = classified.getMessage();
        }
        health.recordFailure(failure);
        return new Result(clock.instant(), true, false, failure);
    }
}
