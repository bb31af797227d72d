package com.memora.projection.srs.ops;

import com.memora.kernel.error.ConflictException;
import com.memora.kernel.error.InvalidInputException;
import com.memora.kernel.error.NotFoundException;
import com.memora.kernel.ops.Alert;
import com.memora.kernel.ops.AlertSeverity;
import com.memora.kernel.ops.Alerts;
import com.memora.kernel.season.SeasonRegistry;
import com.memora.kernel.season.SeasonStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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

    public CacheReconciliation(TrackerScan tracker, ReviewCacheAdmin cache, SeasonRegistry seasons, Alerts alerts,
                               SrsOperationsSettings settings) {
        this.tracker = tracker;
        this.cache = cache;
        this.seasons = seasons;
        this.alerts = alerts;
        this.settings = settings;
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
            requireUsesCache(seasonIdOrNull);
        }
        TrackerScan.Sample sample = tracker.sample(seasonIdOrNull, size);
        Map<ReviewCacheAdmin.CheckOutcome, Long> counts = new EnumMap<>(ReviewCacheAdmin.CheckOutcome.class);
        for (ReviewCacheAdmin.CheckOutcome outcome : ReviewCacheAdmin.CheckOutcome.values()) {
            counts.put(outcome, 0L);
        }
        List<ReviewCacheAdmin.SampledCard> cards = sample.cards();
        for (int from = 0; from < cards.size(); from += CHUNK) {
            cache.reconcile(cards.subList(from, Math.min(cards.size(), from + CHUNK)))
                 .forEach(outcome -> counts.merge(outcome, 1L, Long::sum));
        }
        long corrected = counts.get(ReviewCacheAdmin.CheckOutcome.CORRECTED);
        long compared = corrected + counts.get(ReviewCacheAdmin.CheckOutcome.MATCHED);
        double rate = compared == 0 ? 0 : (double) corrected / compared;
        boolean alert = rate > settings.alertRate();
        ReconciliationResult result = new ReconciliationResult(
                cards.size(), corrected, rate, corrected, alert, size, compared,
                counts.get(ReviewCacheAdmin.CheckOutcome.NO_QUEUE), counts.get(ReviewCacheAdmin.CheckOutcome.IN_FLIGHT),
                sample.seasons());
        log.info("Reconciliation: {}", result);
        if (alert) {
            alerts.raise(Alert.of(ALERT_KIND, AlertSeverity.WARNING, "review-cache",
                    String.format(Locale.ROOT, "Reconciliation found %d of %d cached review due times (%.3f %%) "
                                  + "different from the tracker, above the %.3f %% threshold; all were corrected "
                                  + "from the tracker. Seasons sampled: %s. Repeated alerts point at lost review-queue "
                                  + "updates (check the srs-review-queues dead letters and Redis evictions).",
                                  corrected, compared, 100 * rate, 100 * settings.alertRate(), sample.seasons())));
        }
        return result;
    }

    private void requireUsesCache(String seasonId) {
        SeasonStatus season = seasons.find(seasonId).orElseThrow(() -> new NotFoundException("season", seasonId));
        if (season.archived()) {
            throw new ConflictException("season-archived",
                    "Season " + seasonId + " is archived: it has no review cache to reconcile");
        }
        if (!season.enableRedis()) {
            throw new ConflictException("review-cache-disabled",
                    "Season " + seasonId + " does not use the review cache (enable_redis is off)");
        }
    }
}
