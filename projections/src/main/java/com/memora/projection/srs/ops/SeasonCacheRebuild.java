package com.memora.projection.srs.ops;

import com.memora.kernel.error.ConflictException;
import com.memora.kernel.error.NotFoundException;
import com.memora.kernel.ops.BackgroundJobs;
import com.memora.kernel.ops.JobProgress;
import com.memora.kernel.season.SeasonRegistry;
import com.memora.projection.srs.ReviewCacheRuns;
import com.memora.projection.srs.ReviewQueues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Rebuilds a season's review cache (domain §12.6): a background job that pages through the season's tracker in key
 * order (player, question; 1,000 rows a page) and writes each player's queue whole once all of the player's rows are
 * read, with progress (records, players, percent) and cancellation between pages.
 * <p>
 * It keeps the queues' protocol (docs/srs.md), so it never races the queue projection into a partial or stale
 * queue: a queue's marker is the tracker progress read with the player's first rows (the rows are never older);
 * a queue that already reflects a newer submission stays; and once written, a queue is dropped if the player's
 * event stream has a submission it does not reflect, whose update may have found no queue (the next read rebuilds
 * it). Running it twice, or while players review, is therefore harmless.
 * <p>
 * A Redis restart drops every queue (decisions R6). The rebuild asks which Redis run is current before it writes its
 * first queues and after each batch ({@link ReviewCacheRuns}, which handles a pending restart first): if the run
 * changed, what it wrote was dropped, and it starts over, so it never reports queues that are gone.
 * <p>
 * The request answers at once with the statistics' estimate of the rows; the job counts them as its first step.
 */
@Component
public class SeasonCacheRebuild {

    public static final String JOB_TYPE = "srs-cache-rebuild";
    static final int PAGE_SIZE = 1_000;
    private static final Logger log = LoggerFactory.getLogger(SeasonCacheRebuild.class);

    private final SeasonRegistry seasons;
    private final TrackerScan tracker;
    private final ReviewCacheAdmin cache;
    private final ReviewQueues queues;
    private final PlayerMemoryStreams streams;
    private final ReviewCacheRuns redisRuns;
    private final BackgroundJobs jobs;

    public SeasonCacheRebuild(SeasonRegistry seasons, TrackerScan tracker, ReviewCacheAdmin cache,
                              ReviewQueues queues, PlayerMemoryStreams streams, ReviewCacheRuns redisRuns,
                              BackgroundJobs jobs) {
        this.seasons = seasons;
        this.tracker = tracker;
        this.cache = cache;
        this.queues = queues;
        this.streams = streams;
        this.redisRuns = redisRuns;
        this.jobs = jobs;
    }

    /**
     * Starts the rebuild as a background job.
     *
     * @throws NotFoundException for an unknown season
     * @throws ConflictException for an archived season or one that does not use the cache
     */
    public Started start(String seasonId) {
        CacheSeasons.requireUsesCache(seasons, seasonId, "rebuild");
        long estimated = tracker.estimate(seasonId);
        UUID jobId = jobs.submit(JOB_TYPE, "Rebuild the review cache of season " + seasonId,
                                 progress -> rebuild(seasonId, progress));
        return new Started(jobId, seasonId, estimated);
    }

    /** The job's work: counts the season's rows (the progress total), then writes every player's queue. */
    public Map<String, Object> rebuild(String seasonId, JobProgress progress) {
        progress.update(0, -1, "Counting the tracker rows of " + seasonId);
        long total = tracker.count(seasonId);
        int startedOver = 0;
        while (true) {
            Run run = new Run(seasonId, total, progress, redisRuns.currentRun(), startedOver);
            Map<String, Object> result = pass(run);
            if (result != null) {
                return result;
            }
            startedOver++;
            log.warn("Redis restarted during the cache rebuild of {} (its queues were dropped); starting over",
                     seasonId);
        }
    }

    /** @return the result, or null when Redis restarted meanwhile and the rebuild must start over */
    private Map<String, Object> pass(Run run) {
        String seasonId = run.seasonId;
        JobProgress progress = run.progress;
        TrackerScan.Key after = null;
        while (true) {
            if (progress.cancelRequested()) {
                log.info("Cache rebuild of {} cancelled after {} records", seasonId, run.records);
                return run.result("cancelled");
            }
            if (!usesCache(seasonId)) {
                // enable_redis turned off (its queues deleted) or the season archived meanwhile: writing on would
                // leave queues nothing reads or updates
                log.info("Cache rebuild of {} stopped after {} records: the season no longer uses the cache",
                         seasonId, run.records);
                return run.result("stopped");
            }
            List<TrackerScan.Row> page = tracker.page(seasonId, after, PAGE_SIZE);
            if (page.isEmpty()) {
                break;
            }
            after = page.get(page.size() - 1).key();
            run.add(page, page.size() < PAGE_SIZE);
            if (run.redisRestarted) {
                return null;
            }
        }
        run.finish();
        if (run.redisRestarted) {
            return null;
        }
        log.info("Cache rebuild of {}: {} records, {} players, {} queues written", seasonId, run.records,
                 run.players, run.written);
        return run.result("completed");
    }

    private boolean usesCache(String seasonId) {
        return seasons.find(seasonId).map(season -> season.enableRedis() && !season.archived()).orElse(false);
    }

    /** @param estimatedRecords the season's tracker rows when the job started */
    public record Started(UUID jobId, String season, long estimatedRecords) {
    }

    /** One rebuild's state: the player whose rows may go on in the next page, and the figures. */
    private final class Run {

        private final String seasonId;
        private final long estimated;
        private final JobProgress progress;
        /** The Redis run the queues are written in; another one means they were dropped. */
        private final String redisRun;
        private final int startedOver;
        private boolean redisRestarted;
        private final List<ReviewCacheAdmin.PlayerQueue> complete = new ArrayList<>();
        private String player;
        private long playerSequence;
        private Map<String, Instant> playerDues = new LinkedHashMap<>();
        private long records;
        private long players;
        private long written;
        private long keptNewer;
        private long behind;

        Run(String seasonId, long estimated, JobProgress progress, String redisRun, int startedOver) {
            this.seasonId = seasonId;
            this.estimated = estimated;
            this.progress = progress;
            this.redisRun = redisRun;
            this.startedOver = startedOver;
        }

        void add(List<TrackerScan.Row> page, boolean last) {
            for (TrackerScan.Row row : page) {
                if (!row.playerId().equals(player)) {
                    completePlayer();
                    player = row.playerId();
                    playerSequence = row.appliedSequence();
                }
                // the marker is the progress read with the player's first rows; later pages only hold newer rows
                playerSequence = Math.min(playerSequence, row.appliedSequence());
                playerDues.put(row.questionId(), row.due());
            }
            if (last) {
                completePlayer();
            }
            write();
            records += page.size();
            progress.update(records, Math.max(estimated, records),
                            "Rebuilding the review cache of " + seasonId + ": " + records + " records read",
                            details());
        }

        void finish() {
            completePlayer();
            write();
            progress.update(records, records, "Rebuilt the review cache of " + seasonId, details());
        }

        private void completePlayer() {
            if (player != null) {
                complete.add(new ReviewCacheAdmin.PlayerQueue(player, playerSequence, playerDues));
                players++;
                player = null;
                playerDues = new LinkedHashMap<>();
            }
        }

        private void write() {
            if (complete.isEmpty()) {
                return;
            }
            List<Boolean> outcomes = cache.writeQueues(seasonId, complete);
            Map<String, Long> writtenAt = new LinkedHashMap<>();
            for (int i = 0; i < complete.size(); i++) {
                if (outcomes.get(i)) {
                    written++;
                    writtenAt.put(complete.get(i).playerId(), complete.get(i).appliedSequence());
                } else {
                    keptNewer++;
                }
            }
            // A submission stored before this check whose queue update found no queue is missing from the queue
            // just written: drop it (the next read rebuilds it). Later submissions find the queue and update it.
            streams.lastSequences(seasonId, writtenAt.keySet()).forEach((playerId, latest) -> {
                if (latest > writtenAt.get(playerId)) {
                    queues.dropIfBehind(playerId, seasonId, latest);
                    behind++;
                }
            });
            complete.clear();
            // after the write: a restart handled before or during it dropped these queues too
            redisRestarted = !Objects.equals(redisRun, redisRuns.currentRun());
        }

        private Map<String, Object> details() {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("records", records);
            details.put("players", players);
            details.put("queues_written", written);
            return details;
        }

        Map<String, Object> result(String status) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("status", status);
            result.put("season", seasonId);
            result.put("total_records", records);
            result.put("total_players", players);
            result.put("total_keys", written);
            result.put("queues_kept_newer", keptNewer);
            result.put("queues_behind", behind); // dropped unless the projection had caught up
            result.put("started_over", startedOver); // Redis restarts during the rebuild
            return result;
        }
    }
}
