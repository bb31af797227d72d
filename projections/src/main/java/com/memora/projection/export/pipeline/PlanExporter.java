package com.memora.projection.export.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.memora.kernel.ops.Alerts;
import com.memora.kernel.ops.OperationsMetrics;
import com.memora.projection.export.content.PlanContent;
import com.memora.projection.export.files.ExportPaths;
import com.memora.projection.export.files.FileChange;
import com.memora.projection.export.files.GeneratedFile;
import com.memora.projection.export.files.PlanFiles;
import com.memora.projection.export.files.PlanFilesBuilder;
import com.memora.projection.export.files.SignedLinkRenewal;
import com.memora.projection.export.schema.ExportSchemaValidator;
import com.memora.projection.export.schema.ExportSchemaViolationException;
import com.memora.projection.export.staging.ContentFile;
import com.memora.projection.export.staging.InsufficientDiskSpaceException;
import com.memora.projection.export.staging.LocalContentStore;
import com.memora.projection.export.staging.LocalContentStoreException;
import com.memora.projection.export.staging.WriteOutcome;
import com.memora.projection.plan.PlanView;
import com.memora.projection.plan.PlanViewStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds one pending plan, under its cluster-wide lock (decisions O1, O7):
 * <ol>
 *     <li>reads the plan's mark and its content in one snapshot of the read model (R1), unless a replay of the
 *     model is under way (R2: the plan stays pending);</li>
 *     <li>picks the build number (F5), builds every file, validates every file against its schema (a violation is
 *     a permanent failure: nothing is written);</li>
 *     <li>compares each file's meaning with the bytes on disk and stages only the new and changed ones, in
 *     publication order (F3, F5, F9); deletes the files that left the plan's output, and nothing else;</li>
 *     <li>hands what changed to the publisher (the CDN seam of issue 5), records the sync log entry and the
 *     publication state (O2), and consumes the mark only up to the change it read, so an edit made meanwhile
 *     queues the plan again.</li>
 * </ol>
 * Low disk pauses the build before anything is written and is not an attempt (O5). A permanent failure (schema
 * violation, permission denied, content that cannot become files) ends {@code FAILED} with the reason, leaves the
 * previous files, and consumes the mark: the next edit queues the plan again (O2). Anything else is transient: the
 * entry ends {@code FAILED} and the plan stays pending for the next batch.
 */
@Component
public class PlanExporter {

    private static final Logger log = LoggerFactory.getLogger(PlanExporter.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ExportLocks locks;
    private final ExportSnapshots snapshots;
    private final DirtyPlans dirtyPlans;
    private final ReplayRebuilds replayRebuilds;
    private final PlanViewStore plans;
    private final PlanContentLoader loader;
    private final PublicationStates states;
    private final SyncLog syncLog;
    private final PlanFilesBuilder builder;
    private final ExportSchemaValidator validator;
    private final LocalContentStore store;
    private final ParallelStaging staging;
    private final ExportPublisher publisher;
    private final RemovalApplier removals;
    private final Alerts alerts;
    private final OperationsMetrics metrics;
    private final Clock clock;

    public PlanExporter(ExportLocks locks, ExportSnapshots snapshots, DirtyPlans dirtyPlans,
                        ReplayRebuilds replayRebuilds, PlanViewStore plans, PlanContentLoader loader,
                        PublicationStates states, SyncLog syncLog, PlanFilesBuilder builder,
                        ExportSchemaValidator validator, LocalContentStore store, ParallelStaging staging,
                        ExportPublisher publisher, RemovalApplier removals, Alerts alerts,
                        OperationsMetrics metrics, Clock clock) {
        this.locks = locks;
        this.snapshots = snapshots;
        this.dirtyPlans = dirtyPlans;
        this.replayRebuilds = replayRebuilds;
        this.plans = plans;
        this.loader = loader;
        this.states = states;
        this.syncLog = syncLog;
        this.builder = builder;
        this.validator = validator;
        this.store = store;
        this.staging = staging;
        this.publisher = publisher;
        this.removals = removals;
        this.alerts = alerts;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** @param runTrigger what started the batch run (a plan an operator queued is logged as MANUAL) */
    public PlanBuildOutcome build(String planId, BuildTrigger runTrigger) {
        Optional<ExportLocks.Held> lock = locks.tryLockPlan(planId);
        if (lock.isEmpty()) {
            return PlanBuildOutcome.of(planId, PlanBuildOutcome.Kind.LOCKED, "another build holds the plan");
        }
        try (ExportLocks.Held held = lock.get()) {
            return buildLocked(planId, runTrigger);
        }
    }

    private PlanBuildOutcome buildLocked(String planId, BuildTrigger runTrigger) {
        long readStart = System.nanoTime();
        Snapshot snapshot = snapshots.read(() -> readSnapshot(planId));
        long readNanos = System.nanoTime() - readStart;
        if (snapshot.replaying()) {
            return PlanBuildOutcome.of(planId, PlanBuildOutcome.Kind.PAUSED_REPLAY,
                                       "the content model is replaying");
        }
        PendingPlan mark = snapshot.mark();
        if (mark == null) {
            return PlanBuildOutcome.of(planId, PlanBuildOutcome.Kind.NOTHING_PENDING, "nothing pending");
        }
        if (snapshot.gone()) {
            // trashed or deleted: its folder goes (it normally went at once, F8) and there is nothing to build
            return removeFolder(planId, mark);
        }
        try {
            store.requireFreeSpace();
        } catch (InsufficientDiskSpaceException e) {
            ExportAlerts.lowDisk(alerts, e);
            return PlanBuildOutcome.of(planId, PlanBuildOutcome.Kind.PAUSED_LOW_DISK, e.getMessage());
        }
        Optional<PublicationState> before = states.find(planId);
        Instant startedAt = clock.instant();
        long buildNumber = BuildNumbers.next(before.map(PublicationState::lastBuildNumber).orElse(0L),
                                             manifestVersion(planId), startedAt);
        BuildTrigger trigger = mark.manual() ? BuildTrigger.MANUAL : runTrigger;
        syncLog.closeInterrupted(planId, startedAt);
        long logId = syncLog.start(planId, trigger, mark, buildNumber, startedAt);
        states.building(planId, buildNumber, logId, startedAt);
        Build build = new Build(planId, mark, snapshot, before, buildNumber, logId, startedAt);
        build.phases.add("read", readNanos);
        return build.run();
    }

    private PlanBuildOutcome removeFolder(String planId, PendingPlan mark) {
        removals.applyLocked(planId);
        String folder = ExportPaths.planFolder(planId);
        publisher.owe(planId, List.of(), List.of(Removal.folder(folder)));
        try {
            store.deleteDirectory(folder);
        } catch (LocalContentStoreException e) {
            ExportAlerts.removalFailed(alerts, planId, e.getMessage());
            return PlanBuildOutcome.of(planId, PlanBuildOutcome.Kind.FAILED, e.getMessage()); // stays pending
        }
        publisher.removed(planId, List.of(Removal.folder(folder)));
        dirtyPlans.consume(planId, mark.markSeq());
        return PlanBuildOutcome.of(planId, PlanBuildOutcome.Kind.REMOVED, "the plan is in the trash or deleted");
    }

    private Snapshot readSnapshot(String planId) {
        if (replayRebuilds.owed()) {
            return Snapshot.REPLAYING;
        }
        Optional<PendingPlan> mark = dirtyPlans.find(planId);
        if (mark.isEmpty()) {
            return new Snapshot(false, null, null, null);
        }
        Optional<PlanView> plan = plans.find(planId).filter(view -> !view.trashed());
        if (plan.isEmpty()) {
            return new Snapshot(false, mark.get(), null, null);
        }
        try {
            return new Snapshot(false, mark.get(), loader.load(plan.get()), null);
        } catch (IllegalArgumentException e) {
            return new Snapshot(false, mark.get(), null, e);
        }
    }

    /** The {@code version} of the staged manifest, a floor for the next build number (F5); 0 when unreadable. */
    private long manifestVersion(String planId) {
        try {
            Optional<byte[]> bytes = store.read(ExportPaths.manifest(planId));
            if (bytes.isEmpty()) {
                return 0;
            }
            JsonNode version = JSON.readTree(bytes.get()).path("version");
            return version.canConvertToLong() ? version.asLong() : 0;
        } catch (IOException | LocalContentStoreException e) {
            return 0;
        }
    }

    /**
     * @param content       null when the plan is gone or its content could not be read ({@code loadFailure})
     * @param loadFailure   content that cannot become an export (e.g. an unknown stage type): a permanent failure
     */
    private record Snapshot(boolean replaying, PendingPlan mark, PlanContent content,
                            IllegalArgumentException loadFailure) {

        static final Snapshot REPLAYING = new Snapshot(true, null, null, null);

        boolean gone() {
            return mark != null && content == null && loadFailure == null;
        }
    }

    /** One build's steps and bookkeeping, after its log entry is open. */
    private final class Build {

        private final String planId;
        private final PendingPlan mark;
        private final Snapshot snapshot;
        private final Optional<PublicationState> before;
        private final long buildNumber;
        private final long logId;
        private final Instant startedAt;
        private final Phases phases = new Phases();
        private List<ContentFile> toWrite = List.of();
        private int unchanged;

        Build(String planId, PendingPlan mark, Snapshot snapshot, Optional<PublicationState> before,
              long buildNumber, long logId, Instant startedAt) {
            this.planId = planId;
            this.mark = mark;
            this.snapshot = snapshot;
            this.before = before;
            this.buildNumber = buildNumber;
            this.logId = logId;
            this.startedAt = startedAt;
        }

        PlanBuildOutcome run() {
            try {
                if (snapshot.loadFailure() != null) {
                    throw snapshot.loadFailure();
                }
                PlanFiles files = phases.time("build", () -> builder.build(snapshot.content(), buildNumber,
                                                                           startedAt));
                phases.time("validate", () -> validator.requireValid(files.files()));
                List<String> written = stage(files);
                List<String> deleted = phases.time("delete", () -> deleteLeftovers(files.paths()));
                return published(files, written, deleted);
            } catch (ExportSchemaViolationException | IllegalArgumentException e) {
                return failed(e.getMessage(), true);
            } catch (InsufficientDiskSpaceException e) {
                return pausedForLowDisk(e);
            } catch (LocalContentStoreException e) {
                return failed(e.getMessage(), e.permanent());
            } catch (RuntimeException e) {
                log.error("Build of plan {} failed", planId, e);
                return failed(e.toString(), false);
            }
        }

        /**
         * Writes the files whose meaning changed (F5) and the lessons whose signed links are due for renewal (F7),
         * level by level in publication order; the others stay. The CDN is told what it will owe first.
         */
        private List<String> stage(PlanFiles files) {
            List<ContentFile> changed = phases.time("compare", () -> {
                List<ContentFile> different = new ArrayList<>();
                for (GeneratedFile file : files.files()) {
                    byte[] previous = store.read(file.path()).orElse(null);
                    if (FileChange.mustWrite(file, previous)) {
                        different.add(new ContentFile(file.path(), file.bytes()));
                    } else {
                        unchanged++;
                    }
                }
                return different;
            });
            toWrite = changed;
            publisher.owe(planId, changed.stream().map(ContentFile::path).toList(), List.of());
            Map<String, WriteOutcome> outcomes = phases.time("write", () -> staging.writeAll(changed));
            List<String> written = new ArrayList<>();
            outcomes.forEach((path, outcome) -> {
                if (outcome == WriteOutcome.WRITTEN) {
                    written.add(path);
                } else {
                    unchanged++;
                }
            });
            return written;
        }

        /** Files under the plan's folder that this build did not produce have left its output (R2: only now). */
        private List<String> deleteLeftovers(Set<String> paths) {
            List<String> leftovers = store.list(ExportPaths.planFolder(planId)).stream()
                                          .filter(path -> !paths.contains(path)).toList();
            if (!leftovers.isEmpty()) {
                publisher.owe(planId, List.of(), leftovers.stream().map(Removal::file).toList());
            }
            List<String> deleted = new ArrayList<>();
            for (String path : leftovers) {
                if (store.delete(path)) {
                    deleted.add(path);
                }
            }
            return deleted;
        }

        private PlanBuildOutcome published(PlanFiles files, List<String> written, List<String> deleted) {
            Instant stagedAt = clock.instant();
            ExportPublisher.Published published = phases.time("publish", () -> publisher.publish(
                    new ExportPublisher.Staged(planId, logId, buildNumber, written, deleted, stagedAt,
                                               SignedLinkRenewal.earliestExpiry(files.files()))));
            boolean changed = !written.isEmpty() || !deleted.isEmpty();
            Long version = changed ? Long.valueOf(buildNumber) : before.map(PublicationState::version)
                                                                        .orElse(buildNumber);
            Instant finishedAt = clock.instant();
            syncLog.finish(logId, new BuildResult(published.status(), written, unchanged, deleted,
                                                  published.filesUploaded(), published.syncVerified(),
                                                  files.warnings(), published.error(), published.nextRetryAt(),
                                                  published.filesDeletedOnCdn(), published.attempt()),
                           finishedAt);
            states.built(planId, published.status(), version, mark.markSeq(), published.error(), finishedAt);
            recordMetrics(published.status(), finishedAt);
            dirtyPlans.consume(planId, mark.markSeq());
            removals.supersede(planId, mark.markSeq());
            removals.applyLocked(planId); // trashes that came while this build held the plan go now (F8)
            log.info("Built plan {} #{}: {} written, {} unchanged, {} deleted; {} ({} uploaded, {} removed from the"
                     + " CDN) ({})", planId, buildNumber, written.size(), unchanged, deleted.size(), published.status(),
                     published.filesUploaded(), published.filesDeletedOnCdn(), phases);
            return new PlanBuildOutcome(planId, PlanBuildOutcome.Kind.BUILT, logId, published.status(), null);
        }

        /**
         * @param permanent the same content would fail again: the mark is consumed (the next edit queues the plan
         *                  again, O2); otherwise it stays for the next batch
         */
        private PlanBuildOutcome failed(String error, boolean permanent) {
            List<String> written = writtenBeforeTheFailure();
            String detail = error + (written.isEmpty() ? "" : "; " + written.size()
                                     + " file(s) before it were written")
                            + (permanent ? "" : " (transient: the plan stays pending for the next batch)");
            Instant finishedAt = clock.instant();
            syncLog.finish(logId, new BuildResult(PublicationStatus.FAILED, written, unchanged, List.of(), 0, null,
                                                  List.of(), detail, null, 0, 0), finishedAt);
            // boxed on both sides: a plan never built before has no version, and `long` would unbox that null
            Long version = written.isEmpty() ? before.map(PublicationState::version).orElse(null)
                                             : Long.valueOf(buildNumber);
            states.built(planId, PublicationStatus.FAILED, version, 0L, detail, finishedAt);
            recordMetrics(PublicationStatus.FAILED, finishedAt);
            if (permanent) {
                dirtyPlans.consume(planId, mark.markSeq());
            }
            removals.applyLocked(planId); // the files of trashed nodes still go (F8)
            ExportAlerts.buildFailed(alerts, planId, detail);
            log.warn("Build of plan {} #{} failed: {}", planId, buildNumber, detail);
            return new PlanBuildOutcome(planId, PlanBuildOutcome.Kind.FAILED, logId, PublicationStatus.FAILED,
                                        detail);
        }

        /** Free disk fell below the minimum while writing: not an attempt (O5); the plan stays pending. */
        private PlanBuildOutcome pausedForLowDisk(InsufficientDiskSpaceException e) {
            List<String> written = writtenBeforeTheFailure();
            String detail = "Paused: " + e.getMessage() + "; the plan stays pending"
                            + (written.isEmpty() ? "" : " (" + written.size() + " file(s) were written before)");
            syncLog.finish(logId, new BuildResult(PublicationStatus.QUEUED, written, unchanged, List.of(), 0, null,
                                                  List.of(), detail, null, 0, 0), clock.instant());
            states.paused(planId, before.map(PublicationState::status).orElse(PublicationStatus.QUEUED), detail,
                          clock.instant());
            ExportAlerts.lowDisk(alerts, e);
            return new PlanBuildOutcome(planId, PlanBuildOutcome.Kind.PAUSED_LOW_DISK, logId, null, detail);
        }

        private void recordMetrics(PublicationStatus status, Instant finishedAt) {
            // retries and dead letters are counted where the CDN state machine decides them (PlanPublication)
            metrics.planBuildFinished(status.name(), Duration.between(startedAt, finishedAt));
        }

        /** A batch write stops at its first failure; the files before it are complete on disk. */
        private List<String> writtenBeforeTheFailure() {
            List<String> written = new ArrayList<>();
            for (ContentFile file : toWrite) {
                try {
                    if (store.read(file.path()).filter(bytes -> Arrays.equals(bytes, file.bytes())).isPresent()) {
                        written.add(file.path());
                    }
                } catch (LocalContentStoreException e) {
                    // unreadable now: not counted
                }
            }
            return written;
        }
    }
}
