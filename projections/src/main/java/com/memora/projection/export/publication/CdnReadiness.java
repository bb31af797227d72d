package com.memora.projection.export.publication;

import com.memora.kernel.settings.CdnSettings;
import com.memora.projection.export.cdn.CdnHealth;
import com.memora.projection.export.cdn.CdnPublishException;
import com.memora.projection.export.cdn.CdnPublisher;
import com.memora.projection.export.cdn.CdnStatus;
import com.memora.projection.export.cdn.CdnStatusStore;
import com.memora.projection.export.cdn.ParityCheck;
import com.memora.projection.export.cdn.ParityReport;
import com.memora.projection.export.cdn.RemoteObject;
import com.memora.projection.export.files.ExportPaths;
import com.memora.projection.export.staging.LocalContentStore;
import com.memora.projection.settings.CdnSettingsStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Makes the CDN <em>ready</em> (decisions O4): once it is enabled or its bucket changed (which resets readiness),
 * every plan — every plan folder on local disk and every one the bucket holds — is owed a full sync, once per such
 * change. The publication tick publishes those syncs like any owed publication (under each plan's lock, with retries);
 * when no plan owes anything any more, a parity check of the whole tree runs, and a clean one marks the CDN ready, so
 * content URLs may point at it. A check that is not clean (something changed meanwhile) queues the full sync again.
 * Objects under {@code plans/} that belong to no plan folder are removed on the way: the export owns that tree (F1).
 */
@Component
public class CdnReadiness {

    public static final String READINESS = "READINESS";
    public static final String OPERATOR = "OPERATOR";

    private static final Logger log = LoggerFactory.getLogger(CdnReadiness.class);

    /** Where readiness stands after a check. */
    public enum State {
        /** The CDN is off or not configured: content URLs are local, nothing to do. */
        DISABLED,
        /** Ready for the bucket in force. */
        READY,
        /** Plans still owe publications (the full sync, retries, a dead letter or a permanent failure). */
        SYNCING,
        /** Everything was published, but the parity check found differences: the full sync is queued again. */
        NOT_CLEAN,
        /** The bucket could not be listed: tried again at the next tick. */
        UNREACHABLE
    }

    public record Check(State state, String detail) {
    }

    private final CdnSettingsStore settings;
    private final CdnPublisher cdn;
    private final CdnHealth health;
    private final CdnStatusStore status;
    private final CdnDebts debts;
    private final ParityCheck parity;
    private final ParityChecks reports;
    private final LocalContentStore store;
    private final Clock clock;

    public CdnReadiness(CdnSettingsStore settings, CdnPublisher cdn, CdnHealth health, CdnStatusStore status,
                        CdnDebts debts, ParityCheck parity, ParityChecks reports, LocalContentStore store,
                        Clock clock) {
        this.settings = settings;
        this.cdn = cdn;
        this.health = health;
        this.status = status;
        this.debts = debts;
        this.parity = parity;
        this.reports = reports;
        this.store = store;
        this.clock = clock;
    }

    /** The readiness step of the publication tick. */
    public Check establish() {
        CdnSettings current = settings.current().settings();
        if (!cdn.enabled()) {
            return new Check(State.DISABLED, "the CDN is disabled or not configured");
        }
        if (health.status().readyFor(current)) {
            return new Check(State.READY, "ready for " + CdnStatus.targetOf(current));
        }
        String target = CdnStatus.targetOf(current);
        if (!target.equals(status.syncRoundTarget())) {
            try {
                int plans = queueFullSync();
                status.syncRoundStarted(target, clock.instant());
                log.info("CDN not ready for {}: a full sync of {} plan(s) is queued, then a parity check", target,
                         plans);
            } catch (CdnPublishException e) {
                return new Check(State.UNREACHABLE, e.getMessage());
            }
        }
        long owing = debts.countByState().values().stream().mapToLong(Long::longValue).sum();
        if (owing > 0) {
            return new Check(State.SYNCING, owing + " plan(s) still owe CDN publications");
        }
        ParityReport report;
        try {
            report = check(current, READINESS);
        } catch (CdnPublishException e) {
            return new Check(State.UNREACHABLE, e.getMessage());
        }
        if (health.status().readyFor(current)) {
            return new Check(State.READY, "ready for " + target + ": full sync and clean parity check of "
                                          + report.localFiles() + " files");
        }
        status.syncRoundCleared();
        return new Check(State.NOT_CLEAN, "parity check after the full sync: " + report.missingOnCdnCount()
                                          + " missing, " + report.extraOnCdnCount() + " extra, "
                                          + report.mismatchedCount() + " mismatched; syncing again");
    }

    /**
     * A parity check of the whole tree now (the admin endpoint, and the last step of a readiness round). A clean
     * check while nothing is owed proves the bucket equals the local files, which is what a full upload achieves, so
     * it marks the CDN ready.
     *
     * @throws CdnPublishException when the bucket cannot be listed
     */
    public ParityReport checkParity(String trigger) {
        return check(settings.current().settings(), trigger);
    }

    private ParityReport check(CdnSettings current, String trigger) {
        ParityReport report = parity.run();
        reports.save(report, trigger, CdnStatus.targetOf(current));
        boolean nothingOwed = debts.countByState().values().stream().allMatch(count -> count == 0);
        if (cdn.enabled() && nothingOwed && health.markReadyIfClean(current, report)) {
            log.info("Clean parity check of {} files ({}): the CDN is ready", report.localFiles(), trigger);
        }
        return report;
    }

    /** Owes a full sync to every plan folder, local or in the bucket; removes stray objects of the tree. */
    private int queueFullSync() {
        Set<String> plans = new TreeSet<>();
        for (String path : store.list()) {
            planOf(path).ifPresent(plans::add);
        }
        boolean localTreeEmpty = plans.isEmpty();
        List<String> stray = new ArrayList<>();
        for (RemoteObject object : cdn.list(ParityCheck.TREE)) {
            planOf(object.key()).ifPresentOrElse(plans::add, () -> stray.add(object.key()));
        }
        if (!stray.isEmpty() && localTreeEmpty) {
            // no plan folder at all on this node: more likely a content volume that is not mounted than a tree that
            // was emptied, so nothing is deleted on its word (live plans' full syncs refuse to empty their folders)
            log.warn("The content root holds no plan folders; {} stray object(s) under plans/ are left in the bucket",
                     stray.size());
        } else if (!stray.isEmpty()) {
            cdn.delete(stray);
        }
        debts.oweFullSync(plans, clock.instant());
        int requeued = debts.requeueStuck(clock.instant());
        if (requeued > 0) {
            log.info("New CDN target: {} dead-lettered or failed plan(s) are owed again with a fresh counter",
                     requeued);
        }
        return plans.size();
    }

    private static Optional<String> planOf(String path) {
        return Optional.ofNullable(ExportPaths.planOf(path));
    }
}
