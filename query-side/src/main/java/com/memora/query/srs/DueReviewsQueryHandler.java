package com.memora.query.srs;

import com.memora.kernel.season.SeasonRegistry;
import com.memora.kernel.season.SeasonStatus;
import com.memora.kernel.srs.CardStateNames;
import com.memora.kernel.srs.ConsistencyToken;
import com.memora.kernel.srs.DueReviewsResponse;
import com.memora.kernel.srs.DueReviewsResponse.DueQuestion;
import com.memora.kernel.srs.FetchDueReviewsQuery;
import com.memora.kernel.srs.ReviewSeasons;
import com.memora.kernel.srs.ReviewedQuestion;
import com.memora.projection.srs.ReviewQueues;
import com.memora.projection.srs.ReviewQueuesUnavailableException;
import com.memora.projection.srs.TrackedCard;
import com.memora.projection.srs.TrackerStore;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A player's due reviews (api.md {@code GET /api/reviews/due}; decisions S4, R5, R6).
 * <ul>
 *     <li>Normal mode: the question ids and due times come from the player's Redis queue (built whole from the
 *     tracker on the first read), their memory from the tracker rows.</li>
 *     <li>Safe Mode (Redis failing): the tracker in PostgreSQL answers, {@code is_degraded}, within the Safe Mode
 *     limits; a subject filter or a season with {@code enable_redis} off reads the tracker plainly.</li>
 *     <li>With the consistency token of the player's last submission, the read waits (at most
 *     {@code memora.srs.consistency-wait}) until the tracker and the queue reflect it; if they do not by then, it
 *     answers from the tracker plus the player's events stored after it, never from a stale queue.</li>
 * </ul>
 */
@Component
class DueReviewsQueryHandler {

    private static final long POLL_NANOS = Duration.ofMillis(5).toNanos();
    private static final Comparator<DueQuestion> MOST_OVERDUE_FIRST =
            Comparator.comparing(DueQuestion::due).thenComparing(DueQuestion::questionId);

    private final SeasonRegistry seasons;
    private final TrackerStore tracker;
    private final ReviewQueues queues;
    private final SafeModeLimits safeMode;
    private final PlayerMemoryEvents events;
    private final Clock clock;
    private final Duration consistencyWait;

    DueReviewsQueryHandler(SeasonRegistry seasons, TrackerStore tracker, ReviewQueues queues,
                           SafeModeLimits safeMode, PlayerMemoryEvents events, Clock clock,
                           @Value("${memora.srs.consistency-wait:1s}") Duration consistencyWait) {
        this.seasons = seasons;
        this.tracker = tracker;
        this.queues = queues;
        this.safeMode = safeMode;
        this.events = events;
        this.clock = clock;
        this.consistencyWait = consistencyWait;
    }

    @QueryHandler
    DueReviewsResponse handle(FetchDueReviewsQuery query) {
        SeasonStatus season = ReviewSeasons.resolve(seasons, query.seasonId());
        ConsistencyToken token = query.consistencyToken();
        Read read = new Read(query.playerId(), season.seasonId(), query.subject(), query.limit(), clock.instant(),
                             token != null && token.seasonId().equals(season.seasonId()) ? token.sequence() : -1,
                             System.nanoTime() + consistencyWait.toNanos());
        if (!season.enableRedis()) {
            return fromTracker(read, false);
        }
        if (read.subject() != null) {
            return fromTrackerInsteadOfQueue(read); // the queues hold no subjects
        }
        try {
            return fromQueue(read);
        } catch (ReviewQueuesUnavailableException e) {
            safeMode.admit(read.playerId());
            return fromTracker(read, true);
        }
    }

    private DueReviewsResponse fromQueue(Read read) {
        if (read.waitsFor() >= 0 && !awaitUntil(read, () -> queueAndTrackerReflect(read))) {
            // also while the breaker is open: a lagging tracker gives up before Redis is tried at all
            return fromTrackerInsteadOfQueue(read);
        }
        Optional<ReviewQueues.DuePage> page = queues.due(read.playerId(), read.seasonId(), read.now(), read.limit());
        if (page.isEmpty()) {
            TrackerStore.QueueContent content = tracker.queueContent(read.playerId(), read.seasonId());
            queues.build(read.playerId(), read.seasonId(), content.appliedSequence(), content.dues());
            // Checked after building: a submission stored after this check updates the queue after it exists.
            // One stored before it but missing from the tracker may have found no queue to update: then this
            // queue could stay behind, so it goes, and the tracker plus the newer events answer this time.
            long latest = events.lastSequence(read.seasonId(), read.playerId());
            if (latest > content.appliedSequence()) {
                queues.dropIfBehind(read.playerId(), read.seasonId(), latest);
                return fromTracker(read.reflecting(latest), false);
            }
            page = queues.due(read.playerId(), read.seasonId(), read.now(), read.limit());
            if (page.isEmpty()) {
                return fromTracker(read, false); // dropped again at once (a restart being handled)
            }
        }
        List<ReviewQueues.QueuedQuestion> queued = page.get().questions();
        Map<String, TrackedCard> cards = tracker.find(read.playerId(), read.seasonId(),
                                                      queued.stream().map(ReviewQueues.QueuedQuestion::questionId)
                                                            .toList());
        List<DueQuestion> questions = queued.stream()
                .map(q -> cards.containsKey(q.questionId())
                          ? withDue(due(cards.get(q.questionId())), q.due())
                          : new DueQuestion(q.questionId(), q.due(), null, null, null, null, null))
                .toList();
        return new DueReviewsResponse(questions, page.get().totalDue(), false, read.seasonId());
    }

    /** The tracker has the submission and the queue has it too, or is missing and will be built from the tracker. */
    private boolean queueAndTrackerReflect(Read read) {
        if (tracker.appliedSequence(read.playerId(), read.seasonId()) < read.waitsFor()) {
            return false;
        }
        OptionalLong queue = queues.appliedSequence(read.playerId(), read.seasonId());
        return queue.isEmpty() || queue.getAsLong() >= read.waitsFor();
    }

    /** The tracker answers where the queue would: degraded and within Safe Mode's limits while Redis is failing (S4). */
    private DueReviewsResponse fromTrackerInsteadOfQueue(Read read) {
        boolean degraded = queues.inSafeMode();
        if (degraded) {
            safeMode.admit(read.playerId());
        }
        return fromTracker(read, degraded);
    }

    private DueReviewsResponse fromTracker(Read read, boolean degraded) {
        long applied = tracker.appliedSequence(read.playerId(), read.seasonId());
        if (read.waitsFor() > applied
            && awaitUntil(read, () -> tracker.appliedSequence(read.playerId(), read.seasonId()) >= read.waitsFor())) {
            applied = read.waitsFor();
        }
        Map<String, ReviewedQuestion> newer = read.waitsFor() > applied
                                              ? events.reviewedAfter(read.seasonId(), read.playerId(), applied)
                                              : new LinkedHashMap<String, ReviewedQuestion>();
        if (read.subject() != null) {
            newer.values().removeIf(review -> !read.subject().equals(review.subject()));
        }
        List<DueQuestion> questions = new ArrayList<>();
        for (TrackedCard card : tracker.due(read.playerId(), read.seasonId(), read.now(), read.subject(),
                                            read.limit() + newer.size())) {
            if (!newer.containsKey(card.questionId())) {
                questions.add(due(card));
            }
        }
        long newerDue = 0;
        for (ReviewedQuestion review : newer.values()) {
            if (!review.due().isAfter(read.now())) {
                questions.add(due(review));
                newerDue++;
            }
        }
        questions.sort(MOST_OVERDUE_FIRST);
        long total = tracker.countDue(read.playerId(), read.seasonId(), read.now(), read.subject())
                     - tracker.countDueAmong(read.playerId(), read.seasonId(), read.now(), read.subject(),
                                             newer.keySet())
                     + newerDue;
        return new DueReviewsResponse(List.copyOf(questions.subList(0, Math.min(read.limit(), questions.size()))),
                                      total, degraded, read.seasonId());
    }

    /** Polls (a few milliseconds apart) until the condition holds or the read's wait is used up. */
    private static boolean awaitUntil(Read read, BooleanSupplier condition) {
        while (!condition.getAsBoolean()) {
            long left = read.deadlineNanos() - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            try {
                TimeUnit.NANOSECONDS.sleep(Math.min(left, POLL_NANOS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    private static DueQuestion due(TrackedCard card) {
        return new DueQuestion(card.questionId(), card.due(), card.stability(), card.difficulty(),
                               CardStateNames.of(card.state()), card.subject(), card.topic());
    }

    private static DueQuestion due(ReviewedQuestion review) {
        return new DueQuestion(review.questionId(), review.due(), review.stability(), review.difficulty(),
                               CardStateNames.of(review.state()), review.subject(), review.topic());
    }

    private static DueQuestion withDue(DueQuestion question, Instant due) {
        return Objects.equals(question.due(), due) ? question
               : new DueQuestion(question.questionId(), due, question.stability(), question.difficulty(),
                                 question.state(), question.subject(), question.topic());
    }

    /**
     * @param waitsFor      the submission (sequence) the read must reflect; -1 when it carries no token
     * @param deadlineNanos when waiting for the projections stops ({@link System#nanoTime()})
     */
    private record Read(String playerId, String seasonId, String subject, int limit, Instant now, long waitsFor,
                        long deadlineNanos) {

        /** This read, required to reflect at least {@code sequence} (without waiting any longer for it). */
        Read reflecting(long sequence) {
            return sequence <= waitsFor ? this
                   : new Read(playerId, seasonId, subject, limit, now, sequence,
                              waitsFor < 0 ? System.nanoTime() : deadlineNanos);
        }
    }
}
