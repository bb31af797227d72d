package com.memora.projection.srs.ops;

import com.memora.kernel.ops.BackgroundJobs;
import com.memora.kernel.ops.JobState;
import com.memora.kernel.ops.JobStatus;
import com.memora.projection.srs.ReviewQueuesUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The daily auto-archive (domain §12.6): archives every season with {@code auto_archive} on that is not active and
 * ended before today (the service clock's date), which also turns its {@code auto_archive} off. The same run
 * finishes archives an earlier run or request left half-done, and deletes cache keys left behind by archived seasons
 * (Redis was down when they were archived). Each archive is the usual archive job (progress at
 * {@code GET /api/admin/jobs/{id}}); the run waits for them and reports each one.
 */
@Component
public class AutoArchiving {

    private static final long POLL_MILLIS = 250;
    private static final Logger log = LoggerFactory.getLogger(AutoArchiving.class);

    private final SeasonArchiveQueries archive;
    private final SeasonArchiving archiving;
    private final BackgroundJobs jobs;
    private final ReviewCacheAdmin cache;
    private final SrsOperationsSettings settings;
    private final Clock clock;

    public AutoArchiving(SeasonArchiveQueries archive, SeasonArchiving archiving, BackgroundJobs jobs,
                         ReviewCacheAdmin cache, SrsOperationsSettings settings, Clock clock) {
        this.archive = archive;
        this.archiving = archiving;
        this.jobs = jobs;
        this.cache = cache;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * @return what was archived or finished, per season, and the leftover cache keys deleted
     * @throws IllegalStateException when an archive failed (the run is recorded as failed, with the details)
     */
    public Map<String, Object> run() throws InterruptedException {
        LocalDate today = LocalDate.now(clock);
        Set<String> seasons = new LinkedHashSet<>(archive.dueForAutoArchive(today));
        seasons.addAll(archive.pendingArchives());
        Map<String, SeasonArchiving.Started> started = new LinkedHashMap<>();
        for (String seasonId : seasons) {
            // automatic: the aggregate archives only a season still due; an archived one has its job run again
            archiving.start(seasonId, true).ifPresent(job -> started.put(seasonId, job));
        }
        List<Map<String, Object>> archived = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        long deadline = System.nanoTime() + settings.autoArchiveWait().toNanos();
        for (Map.Entry<String, SeasonArchiving.Started> entry : started.entrySet()) {
            JobStatus status = awaitJob(entry.getValue(), deadline);
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("season", entry.getKey());
            line.put("job_id", entry.getValue().jobId());
            line.put("archived_now", entry.getValue().state().archivedNow());
            line.put("state", status.state());
            if (status.result() != null) {
                line.putAll(status.result());
            }
            if (status.state() != JobState.SUCCEEDED) {
                String why = status.error() != null ? status.error() : "still running after the wait";
                line.put("error", why);
                failures.add(entry.getKey() + ": " + why);
            }
            archived.add(line);
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("today", today.toString());
        summary.put("archived", archived);
        summary.put("leftover_cache_keys_deleted", deleteLeftoverKeys());
        log.info("Auto-archive {}: {}", today, summary);
        if (!failures.isEmpty()) {
            throw new IllegalStateException(failures.size() + " of " + started.size() + " archive(s) did not finish: "
                                            + String.join("; ", failures) + ". Summary: " + summary);
        }
        return summary;
    }

    private JobStatus awaitJob(SeasonArchiving.Started job, long deadline) throws InterruptedException {
        while (true) {
            Optional<JobStatus> status = jobs.find(job.jobId());
            boolean late = System.nanoTime() - deadline > 0;
            if (status.isPresent() && (status.get().state().finished() || late)) {
                return status.get();
            }
            if (late) {
                throw new IllegalStateException("Archive job " + job.jobId() + " is not in the job registry");
            }
            TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
        }
    }

    /** Queues of archived seasons still in Redis (it was down when they were archived); -1 when Redis is down. */
    private long deleteLeftoverKeys() {
        ReviewCacheAdmin.CacheStatus status = cache.freshStatus();
        if (!status.redisConnected()) {
            return -1;
        }
        long deleted = 0;
        try {
            for (String seasonId : archive.archivedSeasons()) {
                if (status.keysBySeason().getOrDefault(seasonId, 0L) > 0) {
                    deleted += cache.deleteSeason(seasonId, count -> { });
                }
            }
        } catch (ReviewQueuesUnavailableException e) {
            log.warn("Auto-archive could not delete leftover cache keys: {}", e.getMessage());
            return -1;
        }
        return deleted;
    }
}
