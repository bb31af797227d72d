package com.memora.projection.srs.ops;

import com.memora.kernel.error.InvalidInputException;
import com.memora.kernel.ops.Alert;
import com.memora.kernel.ops.AlertSeverity;
import com.memora.kernel.ops.Alerts;
import com.memora.kernel.season.SeasonRegistry;
import com.memora.projection.srs.ReviewQueues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Reconciliation of the review cache with the tracker (domain §12.6), daily and on demand: a random sample of
 * tracker rows of the seasons that use the cache, each compared with its player's queue (1 s tolerance); the
 * tracker is the truth, so every difference is corrected from it; above the alert rate (0.1 %) the administrators
 * are alerted.
 * <p>
 * A player without a queue is not a discrepancy: queues are built whole from the tracker on the first read, by
 * design (decisions R6). A missing member or a wrong score in an existing queue is. Comparison and correction are
 * one atomic step in Redis and happen only when the queue reflects exactly the submission the tracker row does, so
 * a queue or tracker a moment behind the other is never mistaken for a discrepancy or "corrected" backwards.
 * <p>
 * A queue that stays behind, though, lost or parked an update, and would be skipped as "in flight" forever. So a queue
 * found behind the tracker is recorded ({@link LaggingQueueLog}, with the tracker's position then), and every later
 * run checks the recorded queues of the seasons it reconciles, sampled or not: caught up (or gone) — forgotten; still
 * behind that position at least {@code reconcile-stale-after} after — a stale queue: counted as a discrepancy
 * ({@code stale_queues}), corrected by dropping it, so the next read rebuilds it whole from the tracker.
 */
@Component
public class CacheReconciliation {

    public static final String ALERT_KIND = "srs-reconciliation";
    /** Rows per Redis round trip. */
    static final int CHUNK = 500;
    private static final Logger log = LoggerFactory.getLogger(CacheReconciliation.class);

    private final TrackerScan tracker;
    private final ReviewCacheAdmin cache;
    private final SeasonRegistry seasons;
    private final Alerts alerts;
    private final SrsOperationsSettings settings;
    private final ReviewQueues queues;
    private final LaggingQueueLog lagging;
    private final Clock clock;

    public CacheReconciliation(TrackerScan tracker, ReviewCacheAdmin cache, SeasonRegistry seasons, Alerts alerts,
                               SrsOperationsSettings settings, ReviewQueues queues, LaggingQueueLog lagging,
                               Clock clock) {
        this.tracker = tracker;
        this.cache = cache;
        this.seasons = seasons;
        this.alerts = alerts;
        this.settings = settings;
        this.queues = queues;
        this.lagging = lagging;
        this.clock = clock;
    }

    /**
     * @param sampleSizeOrNull 100 to 100,000; {@code null} for the default (10,000)
     * @param seasonIdOrNull   one season (it must use the cache), or every season that does
     */
    public ReconciliationResult reconcile(Integer sampleSizeOrNull, String seasonIdOrNull) {
        int size = sampleSizeOrNull == null ? settings.reconcileSampleSize() : sampleSizeOrNull;
        if (size < SrsOperationsSettings.MIN_SAMPLE || size > SrsOperationsSettings.MAX_SAMPLE) {
            throw new InvalidInputException("reconcile-sample-size", "sample_size",
                    "sample_size must be between " + SrsOperationsSettings.MIN_SAMPLE + " and "
                    + SrsOperationsSettings.MAX_SAMPLE + " (default " + settings.reconcileSampleSize() + "), not "
                    + size);
        }
        if (seasonIdOrNull != null) {
            CacheSeasons.requireUsesCache(seasons, seasonIdOrNull, "reconcile");
        }
        TrackerScan.Sample sample = tracker.sample(seasonIdOrNull, size);
        Map<ReviewCacheAdmin.CheckOutcome, Long> counts = new EnumMap<>(ReviewCacheAdmin.CheckOutcome.class);
        for (ReviewCacheAdmin.CheckOutcome outcome : ReviewCacheAdmin.CheckOutcome.values()) {
            counts.put(outcome, 0L);
        }
        List<ReviewCacheAdmin.SampledCard> cards = sample.cards();
        List<ReviewCacheAdmin.CheckOutcome> outcomes = new ArrayList<>(cards.size());
        for (int from = 0; from < cards.size(); from += CHUNK) {
            outcomes.addAll(cache.reconcile(cards.subList(from, Math.min(cards.size(), from + CHUNK))));
        }
        outcomes.forEach(outcome -> counts.merge(outcome, 1L, Long::sum));
        Instant now = clock.instant();
        long stale = dropStaleQueues(seasonIdOrNull, sample.seasons(), now);
        lagging.record(behindTheTracker(cards, outcomes, now));

        long corrected = counts.get(ReviewCacheAdmin.CheckOutcome.CORRECTED);
        long compared = corrected + counts.get(ReviewCacheAdmin.CheckOutcome.MATCHED);
        long discrepancies = corrected + stale;
        double rate = compared + stale == 0 ? 0 : (double) discrepancies / (compared + stale);
        boolean alert = rate > settings.alertRate();
        ReconciliationResult result = new ReconciliationResult(
                cards.size(), discrepancies, rate, discrepancies, alert, size, compared,
                counts.get(ReviewCacheAdmin.CheckOutcome.NO_QUEUE), counts.get(ReviewCacheAdmin.CheckOutcome.IN_FLIGHT),
                stale, sample.seasons());
        log.info("Reconciliation: {}", result);
        if (alert) {
            alerts.raise(Alert.of(ALERT_KIND, AlertSeverity.WARNING, "review-cache",
                    String.format(Locale.ROOT, "Reconciliation found %d of %d cached review due times and "
                                  + "queues (%.3f %%; %d stale queue(s) dropped) different from the tracker, above "
                                  + "the %.3f %% threshold; all were corrected from the tracker. Seasons sampled: %s. "
                                  + "Repeated alerts point at lost review-queue updates (check the srs-review-queues "
                                  + "dead letters and Redis evictions).",
                                  discrepancies, compared + stale, 100 * rate, stale, 100 * settings.alertRate(),
                                  sample.seasons())));
        }
        return result;
    }

    /**
     * Checks the queues earlier runs found behind the tracker, in the seasons this run reconciles: forgets those that
     * caught up (or are gone), drops those still behind the recorded position after {@code reconcile-stale-after}.
     *
     * @return stale queues dropped
     */
    private long dropStaleQueues(String seasonIdOrNull, List<String> reconciled, Instant now) {
        Set<String> seasonsNow = new HashSet<>(reconciled);
        List<LaggingQueueLog.Sighting> settled = new ArrayList<>();
        long stale = 0;
        for (LaggingQueueLog.Sighting sighting : lagging.sightings(seasonIdOrNull)) {
            if (!seasonsNow.contains(sighting.seasonId())) {
                if (seasonIdOrNull == null) { // the season no longer uses the cache (or has no rows): nothing to fix
                    settled.add(sighting);
                }
                continue;
            }
            OptionalLong applied = queues.appliedSequence(sighting.playerId(), sighting.seasonId());
            if (applied.isEmpty() || applied.getAsLong() >= sighting.trackerSequence()) {
                settled.add(sighting); // caught up, or dropped since: a read builds it whole
            } else if (!now.isBefore(sighting.firstSeenAt().plus(settings.reconcileStaleAfter()))) {
                queues.dropIfBehind(sighting.playerId(), sighting.seasonId(), sighting.trackerSequence());
                log.warn("Reconciliation: the review queue of {} in {} stayed at submission {} behind the tracker's {} "
                         + "since {}; dropped (the next read rebuilds it)", sighting.playerId(), sighting.seasonId(),
                         applied.getAsLong(), sighting.trackerSequence(), sighting.firstSeenAt());
                settled.add(sighting);
                stale++;
            }
        }
        lagging.forget(settled);
        return stale;
    }

    /** The players of the in-flight cards whose queue is behind the tracker (not ahead of it), once each. */
    private List<LaggingQueueLog.Sighting> behindTheTracker(List<ReviewCacheAdmin.SampledCard> cards,
                                                            List<ReviewCacheAdmin.CheckOutcome> outcomes,
                                                            Instant now) {
        Map<String, LaggingQueueLog.Sighting> behind = new LinkedHashMap<>();
        for (int i = 0; i < cards.size(); i++) {
            ReviewCacheAdmin.SampledCard card = cards.get(i);
            String key = card.seasonId() + "\n" + card.playerId();
            if (outcomes.get(i) != ReviewCacheAdmin.CheckOutcome.IN_FLIGHT || behind.containsKey(key)) {
                continue;
            }
            OptionalLong applied = queues.appliedSequence(card.playerId(), card.seasonId());
            if (applied.isPresent() && applied.getAsLong() < card.appliedSequence()) {
                behind.put(key, new LaggingQueueLog.Sighting(card.seasonId(), card.playerId(),
                                                             card.appliedSequence(), now));
            }
        }
        return new ArrayList<>(behind.values());
    }
}
