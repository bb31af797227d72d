package com.memora.infra.srs;

import com.fasterxml.jackson.databind.JsonNode;
import com.memora.infra.testsupport.ApiClient;
import com.memora.kernel.srs.ReviewAnswer;
import com.memora.kernel.srs.ReviewedQuestion;
import com.memora.kernel.srs.ReviewsSubmittedEvent;
import com.memora.kernel.srs.StateCounts;
import com.memora.kernel.srs.fsrs.CardMemory;
import com.memora.kernel.srs.fsrs.FsrsScheduler;
import com.memora.kernel.srs.fsrs.Rating;
import com.memora.projection.srs.ReviewQueueProjection;
import com.memora.projection.srs.TrackerProjection;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Durability, read-your-writes (R5), concurrency (S3) and snapshots of the player memory. */
class ReviewConsistencyTest extends ReviewTestSupport {

    @Autowired
    EventStore eventStore;

    @Autowired
    FsrsScheduler scheduler;

    @Autowired
    Cache playerMemoryCache;

    @Autowired
    DataSource dataSource;

    private <T> T whileStopped(String group, Callable<T> work) throws Exception {
        EventProcessor processor = processing.eventProcessor(group).orElseThrow();
        processor.shutDown();
        try {
            return work.call();
        } finally {
            processor.start();
        }
    }

    @Test
    void whenTheTrackerLagsATokenedReadAnswersFromTheTrackerAndTheStoredEvents() throws Exception {
        String season = season(false, true);
        String me = newPlayer();
        clock.freezeAt(Instant.parse("2026-10-05T08:00:00Z"));
        JsonNode first = submit(me, season, rated("Q1", 1), rated("Q2", 1), rated("Q3", 4));
        awaitProjected(me, season, sequenceOf(first)); // the tracker holds the first submission when it stops
        dueOk(me, "?season=" + season, first.get("consistency_token").asText());
        clock.advance(Duration.ofMinutes(2));

        JsonNode due = whileStopped(TrackerProjection.PROCESSING_GROUP, () -> {
            JsonNode second = submit(me, season, rated("Q1", 4), rated("Q4", 1));
            clock.advance(Duration.ofMinutes(2));
            long started = System.nanoTime();
            JsonNode read = dueOk(me, "?season=" + season, second.get("consistency_token").asText());
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
            assertThat(trackerSequence(jdbc, me, season)).as("the tracker really lagged").isZero();
            return read;
        });
        assertThat(questionIds(due)).containsExactly("Q2", "Q4");
        assertThat(due.get("total_due").asLong()).isEqualTo(2);
        assertThat(due.get("is_degraded").asBoolean()).isFalse();
        assertThat(due.at("/questions/1/state").asText()).isEqualTo("Learning");
    }

    @Test
    void whenTheQueueLagsATokenedReadDoesNotAnswerFromTheStaleQueue() throws Exception {
        String season = season(false, true);
        String me = newPlayer();
        clock.freezeAt(Instant.parse("2026-10-05T08:00:00Z"));
        JsonNode first = submit(me, season, rated("Q1", 1), rated("Q2", 1));
        awaitProjected(me, season, sequenceOf(first)); // so that the read builds the queue that is to lag
        clock.advance(Duration.ofMinutes(2));
        assertThat(questionIds(dueOk(me, "?season=" + season, first.get("consistency_token").asText())))
                .containsExactly("Q1", "Q2");
        assertThat(queue(me, season).isExists()).isTrue();

        JsonNode due = whileStopped(ReviewQueueProjection.PROCESSING_GROUP, () -> {
            JsonNode second = submit(me, season, rated("Q1", 4));
            awaitTracker(me, season, sequenceOf(second));
            return dueOk(me, "?season=" + season, second.get("consistency_token").asText());
        });
        assertThat(questionIds(due)).containsExactly("Q2");
        assertThat(due.get("total_due").asLong()).isEqualTo(1);
    }

    /**
     * A read builds the queue from a tracker that has not seen the latest submission, whose queue update already
     * found no queue: that queue would stay behind, so the read drops it and answers from the tracker and the event.
     */
    @Test
    void aQueueBuiltFromALaggingTrackerDoesNotStayBehind() throws Exception {
        String season = season(false, true);
        String me = newPlayer();
        clock.freezeAt(Instant.parse("2026-10-05T08:00:00Z"));
        awaitTracker(me, season, sequenceOf(submit(me, season, rated("Q1", 1))));

        JsonNode duringLag = whileStopped(TrackerProjection.PROCESSING_GROUP, () -> {
            submit(me, season, rated("Q2", 1));
            awaitProcessed(ReviewQueueProjection.PROCESSING_GROUP); // its update found no queue
            clock.advance(Duration.ofMinutes(2));
            return dueOk(me, "?season=" + season, null);
        });
        assertThat(questionIds(duringLag)).containsExactly("Q1", "Q2");
        awaitTracker(me, season, 1);
        JsonNode later = dueOk(me, "?season=" + season, null);
        assertThat(questionIds(later)).containsExactly("Q1", "Q2");
        assertThat(later.get("total_due").asLong()).isEqualTo(2);
    }

    @Test
    void concurrentSubmissionsOfOnePlayerAreAllAcceptedNeverA409() throws Exception {
        String season = season(false, true);
        String me = newPlayer();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<Integer>> submissions = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            int n = i;
            submissions.add(() -> player(me).post("/api/reviews", submission(season, rated("Q" + n, 3),
                                                                               rated("SHARED", 3))).status());
        }
        try {
            for (Future<Integer> status : pool.invokeAll(submissions)) {
                assertThat(status.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(storedEvents(me, season)).isEqualTo(40);
        awaitTracker(me, season, 39);
        Map<String, Object> shared = trackerRows(me, season).stream()
                .filter(row -> row.get("question_id").equals("SHARED")).findFirst().orElseThrow();
        assertThat(shared.get("reps")).isEqualTo(40);
        assertThat(trackerRows(me, season)).hasSize(41);
    }

    /**
     * Another node appended to the player's memory after this node cached it: this node's append conflicts, the
     * stale copy is dropped and the gateway retries on the stored state — the player sees a normal answer.
     */
    @Test
    void aSubmissionThatLosesARaceWithAnotherNodeIsRetriedOnFreshState() {
        String season = season(false, true);
        String me = newPlayer();
        clock.freezeAt(Instant.parse("2026-10-05T08:00:00Z"));
        submit(me, season, rated("Q1", 3)); // loads and caches the memory on this node

        appendAsAnotherNode(me, season, 1, "other-node-submission", new StateCounts(0, 2, 0, 0));

        JsonNode third = submit(me, season, rated("FROM-OTHER-NODE", 3));
        assertThat(third.get("consistency_token").asText()).isEqualTo(season + ":2");
        assertThat(third.at("/new_state_counts/learning").asInt()).isEqualTo(2);
        awaitTracker(me, season, 2);
        Map<String, Object> row = trackerRows(me, season).stream()
                .filter(r -> r.get("question_id").equals("FROM-OTHER-NODE")).findFirst().orElseThrow();
        assertThat(row.get("reps")).as("built on the other node's review").isEqualTo(2);
    }

    @Test
    void theMemoryIsSnapshottedAndLoadsCorrectlyFromTheSnapshot() {
        String season = season(false, true);
        String me = newPlayer();
        for (int i = 0; i < 30; i++) {
            submit(me, season, rated("DAILY", 3), rated("Q" + i, 1));
        }
        String aggregate = "memory:" + season + ":" + me;
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "select count(*) from snapshot_event_entry where aggregate_identifier = ?").param(aggregate)
                .query(Long.class).single() > 0);

        playerMemoryCache.removeAll(); // the next load reads the snapshot and the events after it
        JsonNode next = submit(me, season, rated("DAILY", 3));
        assertThat(next.get("consistency_token").asText()).isEqualTo(season + ":30");
        assertThat(next.at("/new_state_counts/learning").asInt() + next.at("/new_state_counts/review").asInt())
                .isEqualTo(31);
        awaitTracker(me, season, 30);
        Map<String, Object> daily = trackerRows(me, season).stream()
                .filter(r -> r.get("question_id").equals("DAILY")).findFirst().orElseThrow();
        assertThat(daily.get("reps")).isEqualTo(31);
    }

    /** What another node's submission of question FROM-OTHER-NODE (rated Again) stores, with the given sequence. */
    private ReviewsSubmittedEvent appendAsAnotherNode(String me, String season, long sequence, String submissionId,
                                                      StateCounts counts) {
        Instant at = Instant.parse("2026-10-05T08:00:00Z");
        ReviewAnswer answer = ReviewAnswer.rated("FROM-OTHER-NODE", 1);
        ReviewedQuestion review = ReviewedQuestion.of(answer, 1, null, null,
                                                      scheduler.review(CardMemory.newCard(at), Rating.AGAIN, at));
        ReviewsSubmittedEvent elsewhere = new ReviewsSubmittedEvent(me, season, submissionId, at, List.of(review),
                                                                    counts);
        eventStore.publish(new GenericDomainEventMessage<>("PlayerMemoryAggregate", "memory:" + season + ":" + me,
                                                           sequence, elsewhere));
        return elsewhere;
    }

    /**
     * Holds the season's review lock exclusively (as an archive does) on a connection of its own: a submission then
     * loads the player's memory and waits in the season gate, before it appends anything. Closing the connection
     * (or rolling it back) lets it go on.
     */
    private Connection holdReviewLock(String season) throws SQLException {
        Connection connection = dataSource.getConnection();
        connection.setAutoCommit(false);
        try (PreparedStatement lock = connection.prepareStatement(
                "select pg_advisory_xact_lock(x'53525331'::int, hashtext(?))")) {
            lock.setString(1, season);
            lock.executeQuery().close();
        }
        return connection;
    }

    private void awaitSubmissionWaitingForTheLock() {
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "select count(*) from pg_locks where locktype = 'advisory' and not granted").query(Long.class)
                .single() > 0);
    }

    /**
     * Two nodes take a player's first submission in a season at the same moment: both append the memory's first
     * event, and this node loses (its append of sequence 0 fails on the stream's unique key). It is a lost race like
     * any other: retried on the memory the other node created, never a 409.
     */
    @Test
    void twoFirstSubmissionsOnTwoNodesAreBothAcceptedNeverA409() throws Exception {
        String season = season(false, true);
        String me = newPlayer();
        clock.freezeAt(Instant.parse("2026-10-05T08:00:00Z"));
        ApiClient.Response response;
        try (Connection lock = holdReviewLock(season)) {
            CompletableFuture<ApiClient.Response> mine = CompletableFuture.supplyAsync(
                    () -> player(me).post("/api/reviews", submission(season, rated("MINE", 3))));
            awaitSubmissionWaitingForTheLock(); // it found no memory and will create one
            appendAsAnotherNode(me, season, 0, null, new StateCounts(0, 1, 0, 0));
            lock.rollback();
            response = mine.get(30, TimeUnit.SECONDS);
        }
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().get("consistency_token").asText()).isEqualTo(season + ":1");
        assertThat(response.json().at("/new_state_counts/learning").asInt()).as("built on the other node's review")
                .isEqualTo(2);
        assertThat(storedEvents(me, season)).isEqualTo(2);
        awaitTracker(me, season, 1);
        assertThat(trackerRows(me, season)).hasSize(2);
    }

    /**
     * The client sent its first submission to one node, timed out and sent it again to another: the nodes race to
     * create the memory with the same submission_id. The loser's retry finds it stored and answers the first answer.
     */
    @Test
    void aFirstSubmissionSentAgainToAnotherNodeMeanwhileGetsTheFirstAnswer() throws Exception {
        String season = season(false, true);
        String me = newPlayer();
        clock.freezeAt(Instant.parse("2026-10-05T08:00:00Z"));
        Map<String, Object> body = new java.util.LinkedHashMap<>(submission(season, rated("FROM-OTHER-NODE", 1)));
        body.put("submission_id", "first-try");
        ApiClient.Response response;
        ReviewsSubmittedEvent first;
        try (Connection lock = holdReviewLock(season)) {
            CompletableFuture<ApiClient.Response> again = CompletableFuture.supplyAsync(
                    () -> player(me).post("/api/reviews", body));
            awaitSubmissionWaitingForTheLock();
            first = appendAsAnotherNode(me, season, 0, "first-try", new StateCounts(0, 1, 0, 0));
            lock.rollback();
            response = again.get(30, TimeUnit.SECONDS);
        }
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().get("consistency_token").asText()).isEqualTo(season + ":0");
        assertThat(response.json().at("/next_due/0/due").asText())
                .isEqualTo(first.reviews().get(0).due().toString());
        assertThat(response.json().at("/new_state_counts/learning").asInt()).isEqualTo(1);
        assertThat(storedEvents(me, season)).as("applied once").isEqualTo(1);
    }
}
