package com.memora.projection.srs.ops;

import com.memora.kernel.error.ConflictException;
import com.memora.kernel.ops.BackgroundJobs;
import com.memora.kernel.ops.JobProgress;
import com.memora.kernel.season.ArchiveSeasonCommand;
import com.memora.kernel.season.CompleteSeasonArchiveCommand;
import com.memora.kernel.season.SeasonArchiveState;
import com.memora.projection.srs.ReviewQueuesUnavailableException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Archives a season (domain §12.6, decisions S5, S6). The command closes the season's reviews at once (an event);
 * the rest is a background job with progress ({@code records_archived}, {@code cache_keys_deleted}):
 * <ol>
 *     <li>wait until the tracker projection has applied every review of the season (they were all stored before the
 *     archive: the archive and the submissions take the season's review lock), so the archive misses none;</li>
 *     <li>move the rows to the archive table and drop the partition, in the transaction that stores the event
 *     recording it ({@link CompleteSeasonArchiveCommand});</li>
 *     <li>delete the season's queues from Redis, scanning in batches of 1,000.</li>
 * </ol>
 * Every step is idempotent, so asking to archive an archived season runs the job again and finishes whatever an
 * interrupted run (a restart, Redis down) left undone; the daily auto-archive run does the same by itself.
 */
@Component
public class SeasonArchiving {

    public static final String JOB_TYPE = "srs-archive";
    /** The storage refuses to move rows while the tracker is behind (e.g. a replay started meanwhile). */
    public static final String TRACKER_BEHIND = "archive-tracker-behind";
    private static final long POLL_MILLIS = 100;
    private static final Logger log = LoggerFactory.getLogger(SeasonArchiving.class);

    private final CommandGateway commands;
    private final BackgroundJobs jobs;
    private final TrackerCatchUp catchUp;
    private final TrackerScan tracker;
    private final ReviewCacheAdmin cache;
    private final SrsOperationsSettings settings;

    public SeasonArchiving(CommandGateway commands, BackgroundJobs jobs, TrackerCatchUp catchUp,
                           TrackerScan tracker, ReviewCacheAdmin cache, SrsOperationsSettings settings) {
        this.commands = commands;
        this.jobs = jobs;
        this.catchUp = catchUp;
        this.tracker = tracker;
        this.cache = cache;
        this.settings = settings;
    }

    /**
     * Archives the season (or finds it archived) and starts the job that moves its rows and clears its cache.
     *
     * @param automatic the auto-archive job asking: only a season due for it is archived
     * @return the job; empty when an automatic archive was not due
     * @throws com.memora.kernel.error.ConflictException for the active season
     */
    public Optional<Started> start(String seasonId, boolean automatic) {
        SeasonArchiveState state = commands.sendAndWait(new ArchiveSeasonCommand(seasonId, automatic));
        if (!state.archived()) {
            return Optional.empty();
        }
        UUID jobId = jobs.submit(JOB_TYPE, "Archive season " + seasonId, progress -> run(seasonId, progress));
        log.info("Season {} archived{}; archive job {} started", seasonId,
                 state.archivedNow() ? "" : " before (finishing its archive)", jobId);
        return Optional.of(new Started(jobId, state));
    }

    /** The job's work. */
    public Map<String, Object> run(String seasonId, JobProgress progress) throws InterruptedException {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("season", seasonId);
        SeasonArchiveState state = null;
        long deadline = System.nanoTime() + settings.trackerWait().toNanos();
        while (state == null) {
            if (!awaitTracker(seasonId, progress, deadline)) {
                result.put("status", "cancelled");
                return result;
            }
            long rows = tracker.count(seasonId);
            progress.update(0, rows, "Moving " + rows + " tracker rows of " + seasonId + " to the archive");
            try {
                state = commands.sendAndWait(new CompleteSeasonArchiveCommand(seasonId));
            } catch (ConflictException e) {
                if (!TRACKER_BEHIND.equals(e.problemType())) {
                    throw e;
                }
                log.info("Archive of {} waits again: {}", seasonId, e.getMessage());
            }
        }
        long archived = state.recordsArchived();
        result.put("records_archived", archived);
        progress.update(archived, archived, "Deleting the review cache of " + seasonId,
                        Map.of("records_archived", archived, "cache_keys_deleted", 0));
        long keys;
        try {
            keys = cache.deleteSeason(seasonId, deleted -> progress.update(
                    archived, archived, "Deleting the review cache of " + seasonId,
                    Map.of("records_archived", archived, "cache_keys_deleted", deleted)));
        } catch (ReviewQueuesUnavailableException e) {
            throw new IllegalStateException("The " + archived + " tracker rows of season " + seasonId + " are "
                    + "archived, but its review cache could not be cleared (" + e.getMessage() + "). Nothing reads "
                    + "those keys any more and they expire by themselves; archive the season again to delete them "
                    + "now (the daily auto-archive run also does)", e);
        }
        result.put("cache_keys_deleted", keys);
        result.put("status", "completed");
        progress.update(archived, archived, "Archived season " + seasonId,
                        Map.of("records_archived", archived, "cache_keys_deleted", keys));
        log.info("Archive of {}: {} rows archived, {} cache keys deleted", seasonId, archived, keys);
        return result;
    }

    /** @return false when an operator cancelled the job while it waited (nothing was moved yet) */
    private boolean awaitTracker(String seasonId, JobProgress progress, long deadline) throws InterruptedException {
        while (true) {
            TrackerCatchUp.Check check = catchUp.check(seasonId);
            if (check.caughtUp()) {
                return true;
            }
            if (progress.cancelRequested()) {
                return false;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("Season " + seasonId + " is archived (its reviews are closed), but "
                        + "its rows were not moved: " + check.reason() + ". Archive the season again once that is "
                        + "resolved (the daily auto-archive run also retries)");
            }
            progress.update(0, -1, "Waiting for the tracker to apply the last reviews of " + seasonId + ": "
                                   + check.reason());
            TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
        }
    }

    /** @param state how far the archive was when the job started */
    public record Started(UUID jobId, SeasonArchiveState state) {
    }
}
