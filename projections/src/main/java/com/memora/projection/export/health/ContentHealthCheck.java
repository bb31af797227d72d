package com.memora.projection.export.health;

import com.memora.kernel.ops.Alert;
import com.memora.kernel.ops.AlertSeverity;
import com.memora.kernel.ops.Alerts;
import com.memora.kernel.ops.JobProgress;
import com.memora.projection.export.cdn.CdnPublishException;
import com.memora.projection.export.cdn.CdnPublisher;
import com.memora.projection.export.cdn.Md5;
import com.memora.projection.export.cdn.ParityCheck;
import com.memora.projection.export.cdn.RemoteObject;
import com.memora.projection.export.files.ExportPaths;
import com.memora.projection.export.pipeline.DirtyPlans;
import com.memora.projection.export.pipeline.DiskWatch;
import com.memora.projection.export.pipeline.ExportWakeUp;
import com.memora.projection.export.pipeline.ReplayRebuilds;
import com.memora.projection.export.staging.LocalContentStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * The content health checks of domain §11.6. Both check the disk first (through {@link DiskWatch}, so low disk
 * alerts and pauses generation exactly as the minute-by-minute watch does), compute the expected set the way the
 * generator does ({@link ExpectedFiles}), queue a rebuild for every plan with a missing file, store the run in the
 * history and alert when something is wrong. Files of a plan whose edit, removal or build is on its way are
 * reported as pending, not as missing or orphans; a plan whose latest build failed permanently is reported but not
 * queued again ({@link PlanStandings}).
 * <ul>
 *     <li><b>Quick check</b> (hourly): only inside business hours — outside them the run is recorded as skipped,
 *     not as a report; it looks at a uniform sample of up to {@code sampleSize} expected files.</li>
 *     <li><b>Full scan</b> (nightly, or {@code POST /api/admin/health/content}): every expected file; orphans are
 *     the content files under the root nobody expects ({@code .prev} and temporary files are the store's own and
 *     never listed); with the CDN enabled, every present expected file's MD5 against the bucket's ETag.</li>
 * </ul>
 * While the content model replays the expected set would be half-built, so a check is skipped then. One node at a
 * time runs a check (the callers hold a cluster-wide lock, decisions O7).
 */
@Component
public class ContentHealthCheck {

    public static final String ALERT_KIND = "content-health";
    public static final String FAILED_ALERT_KIND = "content-health-failed";
    public static final String SCHEDULER = "SCHEDULER";
    public static final String MANUAL = "MANUAL";
    private static final Logger log = LoggerFactory.getLogger(ContentHealthCheck.class);

    private final ExpectedFiles expectedFiles;
    private final LocalContentStore store;
    private final CdnPublisher cdn;
    private final DirtyPlans dirtyPlans;
    private final ExportWakeUp wakeUp;
    private final ReplayRebuilds replayRebuilds;
    private final DiskWatch diskWatch;
    private final HealthCheckRuns runs;
    private final ContentHealthSettings settings;
    private final PlanStandings standings;
    private final Alerts alerts;
    private final Clock clock;

    public ContentHealthCheck(ExpectedFiles expectedFiles, LocalContentStore store, CdnPublisher cdn,
                              DirtyPlans dirtyPlans, ExportWakeUp wakeUp, ReplayRebuilds replayRebuilds,
                              DiskWatch diskWatch, HealthCheckRuns runs, ContentHealthSettings settings,
                              PlanStandings standings, Alerts alerts, Clock clock) {
        this.standings = standings;
        this.expectedFiles = expectedFiles;
        this.store = store;
        this.cdn = cdn;
        this.dirtyPlans = dirtyPlans;
        this.wakeUp = wakeUp;
        this.replayRebuilds = replayRebuilds;
        this.diskWatch = diskWatch;
        this.runs = runs;
        this.settings = settings;
        this.alerts = alerts;
        this.clock = clock;
    }

    public ContentHealthSettings settings() {
        return settings;
    }

    /** The hourly job: a quick check inside business hours (decisions O9), a skipped run outside. */
    public HealthCheckRun scheduledQuickCheck() {
        Instant now = clock.instant();
        BusinessHours hours = settings.businessHours();
        if (!hours.contains(now)) {
            return runs.record(HealthCheckRun.skipped(ContentCheckKind.QUICK, SCHEDULER, now,
                                                      "Outside business hours (" + hours.describe() + ")"));
        }
        return quickCheck(SCHEDULER);
    }

    /** A quick check now, whatever the hour (an operator asked, or the scheduler inside business hours). */
    public HealthCheckRun quickCheck(String trigger) {
        return run(ContentCheckKind.QUICK, trigger, JobProgress.NONE, this::quick);
    }

    /** A full scan now (nightly, or an operator's {@code POST}); reports progress per plan. */
    public HealthCheckRun fullScan(String trigger, JobProgress progress) {
        return run(ContentCheckKind.FULL, trigger, progress, this::full);
    }

    private HealthCheckRun run(ContentCheckKind kind, String trigger, JobProgress progress, Check check) {
        Instant startedAt = clock.instant();
        if (replayRebuilds.owed() && replayRebuilds.contentReplaying()) {
            return runs.record(HealthCheckRun.skipped(kind, trigger, startedAt, "The content model is replaying; "
                                                      + "the expected files are known once it has caught up"));
        }
        long started = System.nanoTime();
        try {
            ContentHealthReport report = check.run(startedAt, progress, started);
            HealthCheckRun recorded = runs.record(HealthCheckRun.reported(kind, trigger, startedAt, clock.instant(),
                                                                          report));
            alertIfUnhealthy(report);
            log.info("Content health {} check: {} ({} missing{}{}, disk {}% free, {} ms)", kind.wireName(),
                     report.status().wireName(), report.missingFilesCount(),
                     report.orphanFilesCount() == null ? "" : ", " + report.orphanFilesCount() + " orphans",
                     report.hashMismatchesCount() == null ? "" : ", " + report.hashMismatchesCount()
                                                                + " CDN mismatches",
                     report.diskFreePercent(), report.durationMs());
            return recorded;
        } catch (RuntimeException e) {
            String reason = e.getMessage() == null ? e.toString() : e.getMessage();
            log.error("Content health {} check failed", kind.wireName(), e);
            runs.record(HealthCheckRun.failed(kind, trigger, startedAt, clock.instant(), reason));
            alerts.raise(Alert.of(FAILED_ALERT_KIND, AlertSeverity.WARNING, kind.wireName() + " check",
                                  "The content health " + kind.wireName() + " check could not finish: " + reason));
            throw e;
        }
    }

    private ContentHealthReport quick(Instant at, JobProgress progress, long startedNanos) {
        DiskWatch.DiskCheck disk = diskWatch.check();
        ExpectedFiles.ExpectedSet expected = expectedFiles.compute();
        List<String> sample = FileSample.pick(expected.owners().keySet(), settings.sampleSize(),
                                              new SplittableRandom());
        Findings findings = new Findings(standings);
        sample.stream().filter(path -> !store.exists(path))
              .forEach(path -> findings.missing(path, expected.ownerOf(path)));
        List<String> missing = findings.missing;
        Queued queued = queueRebuilds(missing, expected, findings);
        HealthStatus status = status(disk, !missing.isEmpty());
        return new ContentHealthReport(at, disk.freePercent(), disk.ok(), sample.size(), null, null,
                                       capped(missing), null, null, status, queued.action(missing.size()),
                                       ContentCheckKind.QUICK, missing.size(), null, null, queued.plans(),
                                       expected.plans(), null, null, null, elapsedMillis(startedNanos),
                                       capped(findings.pending), findings.pending.size(),
                                       List.copyOf(findings.plansPending), queued.notQueued());
    }

    private ContentHealthReport full(Instant at, JobProgress progress, long startedNanos) {
        DiskWatch.DiskCheck disk = diskWatch.check();
        progress.update(0, -1, "computing the expected files");
        ExpectedFiles.ExpectedSet expected = expectedFiles.compute(
                done -> progress.update(done, -1, "computing the expected files: " + done + " plan(s)"));
        progress.update(0, expected.size(), "comparing " + expected.size() + " files with the content root");
        Set<String> found = new HashSet<>(store.list());
        Findings findings = new Findings(standings);
        List<String> present = new ArrayList<>();
        for (String path : expected.owners().keySet()) { // sorted
            if (found.contains(path)) {
                present.add(path);
            } else {
                findings.missing(path, expected.ownerOf(path));
            }
        }
        for (String path : new TreeSet<>(found)) {
            if (!expected.owners().containsKey(path)) {
                findings.orphan(path);
            }
        }
        List<String> missing = findings.missing;
        List<String> orphans = findings.orphans;
        CdnComparison cdnComparison = compareWithCdn(present, progress);
        Queued queued = queueRebuilds(missing, expected, findings);

        boolean problems = !missing.isEmpty() || !orphans.isEmpty() || !cdnComparison.mismatches().isEmpty();
        HealthStatus status = status(disk, problems);
        String action = null;
        if (!missing.isEmpty()) {
            action = queued.action(missing.size());
        } else if (!orphans.isEmpty()) {
            action = "Found " + orphans.size() + " orphan files";
        } else if (!cdnComparison.mismatches().isEmpty()) {
            action = "Found " + cdnComparison.mismatches().size() + " files whose CDN copy differs";
        }
        return new ContentHealthReport(at, disk.freePercent(), disk.ok(), null, expected.size(), present.size(),
                                       capped(missing), capped(orphans), capped(cdnComparison.mismatches()), status,
                                       action, ContentCheckKind.FULL, missing.size(), orphans.size(),
                                       cdnComparison.mismatches().size(), queued.plans(), expected.plans(),
                                       cdnComparison.checked(), cdnComparison.error(), cdnComparison.missingOnCdn(),
                                       elapsedMillis(startedNanos), capped(findings.pending),
                                       findings.pending.size(), List.copyOf(findings.plansPending),
                                       queued.notQueued());
    }

    /** Every present expected file's MD5 against the ETag of its object; only while the CDN is enabled. */
    private CdnComparison compareWithCdn(List<String> present, JobProgress progress) {
        if (!cdn.enabled()) {
            return new CdnComparison(false, null, List.of(), null);
        }
        Map<String, String> etags = new HashMap<>();
        try {
            for (RemoteObject object : cdn.list(ParityCheck.TREE)) {
                etags.put(object.key(), object.etag());
            }
        } catch (CdnPublishException e) {
            return new CdnComparison(false, e.getMessage(), List.of(), null);
        }
        List<HashMismatch> mismatches = new ArrayList<>();
        int missingOnCdn = 0;
        int compared = 0;
        for (String path : present) {
            String etag = etags.get(path);
            if (etag == null) {
                missingOnCdn++;
            } else {
                byte[] bytes = store.read(path).orElse(null);
                String local = bytes == null ? null : Md5.hex(bytes);
                if (local != null && !local.equalsIgnoreCase(etag)) {
                    mismatches.add(new HashMismatch(path, local, etag));
                }
            }
            if (++compared % 500 == 0) {
                progress.update(compared, present.size(), "comparing local files with the CDN");
            }
        }
        return new CdnComparison(true, null, mismatches, missingOnCdn);
    }

    /**
     * Domain §11.6: every plan owning a missing file is queued for a rebuild (the build rewrites what is missing) —
     * except a plan whose latest build failed permanently: it would fail again, so it waits for its next edit (O2).
     */
    private Queued queueRebuilds(List<String> missing, ExpectedFiles.ExpectedSet expected, Findings findings) {
        List<String> owners = missing.stream().map(expected::ownerOf).distinct().sorted().toList();
        List<String> plans = owners.stream().filter(plan -> findings.standing(plan) != PlanStandings.Standing.FAILED)
                                   .toList();
        List<String> notQueued = owners.stream().filter(plan -> !plans.contains(plan)).toList();
        if (!plans.isEmpty()) {
            dirtyPlans.mark(plans, "content health check: files missing on disk", false, clock.instant());
            wakeUp.changesRecorded();
        }
        return new Queued(plans, notQueued);
    }

    private static HealthStatus status(DiskWatch.DiskCheck disk, boolean problems) {
        if (!disk.ok()) {
            return HealthStatus.CRITICAL;
        }
        return problems ? HealthStatus.WARNING : HealthStatus.HEALTHY;
    }

    /** Low disk has its own alert (the disk watch's); this one is about the files. */
    private void alertIfUnhealthy(ContentHealthReport report) {
        List<String> findings = new ArrayList<>();
        if (report.missingFilesCount() > 0) {
            findings.add(report.missingFilesCount() + " missing file(s), plan(s) " + report.plansQueued()
                         + " queued for a rebuild"
                         + (report.plansNotQueued().isEmpty() ? ""
                            : ", plan(s) " + report.plansNotQueued() + " not queued: their latest build failed"
                              + " permanently and waits for their next edit"));
        }
        if (report.orphanFilesCount() != null && report.orphanFilesCount() > 0) {
            findings.add(report.orphanFilesCount() + " orphan file(s)");
        }
        if (report.hashMismatchesCount() != null && report.hashMismatchesCount() > 0) {
            findings.add(report.hashMismatchesCount() + " file(s) differing on the CDN");
        }
        String key = ALERT_KIND + ":" + report.kind().wireName();
        if (findings.isEmpty()) {
            alerts.resolve(key); // the files are sound again: damage found later is mailed at once
            return;
        }
        alerts.raise(new Alert(ALERT_KIND, AlertSeverity.WARNING, "content files",
                               "The content health " + report.kind().wireName() + " check found "
                               + String.join(", ", findings) + ". GET /api/admin/health/content has the paths.",
                               key));
    }

    private <T> List<T> capped(List<T> list) {
        return list.size() <= settings.listLimit() ? List.copyOf(list)
                                                   : List.copyOf(list.subList(0, settings.listLimit()));
    }

    private static long elapsedMillis(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos).toMillis();
    }

    /** Plans queued for a rebuild, and plans with missing files left alone (their latest build failed). */
    private record Queued(List<String> plans, List<String> notQueued) {

        String action(int missingCount) {
            if (missingCount == 0) {
                return null;
            }
            String action = "Queued regeneration for " + missingCount + " missing files (" + plans.size()
                            + " plan(s))";
            return notQueued.isEmpty() ? action
                   : action + "; " + notQueued.size() + " plan(s) whose latest build failed permanently were not"
                     + " queued (they wait for their next edit)";
        }
    }

    /**
     * Sorts what a check found: a file of a plan with an edit, removal or build on its way is pending, not missing
     * or orphaned (the pipeline is about to make it right). Each plan's standing is read once per check.
     */
    private static final class Findings {

        private final PlanStandings standings;
        private final Map<String, PlanStandings.Standing> byPlan = new HashMap<>();
        final List<String> missing = new ArrayList<>();
        final List<String> orphans = new ArrayList<>();
        final List<String> pending = new ArrayList<>();
        final Set<String> plansPending = new TreeSet<>();

        Findings(PlanStandings standings) {
            this.standings = standings;
        }

        PlanStandings.Standing standing(String planId) {
            return byPlan.computeIfAbsent(planId, standings::of);
        }

        void missing(String path, String planId) {
            (isPending(planId) ? pending : missing).add(path);
        }

        void orphan(String path) {
            (isPending(ExportPaths.planOf(path)) ? pending : orphans).add(path);
        }

        private boolean isPending(String planId) {
            if (planId == null || standing(planId) != PlanStandings.Standing.PENDING) {
                return false;
            }
            plansPending.add(planId);
            return true;
        }
    }

    private record CdnComparison(boolean checked, String error, List<HashMismatch> mismatches, Integer missingOnCdn) {
    }

    @FunctionalInterface
    private interface Check {
        ContentHealthReport run(Instant at, JobProgress progress, long startedNanos);
    }
}
