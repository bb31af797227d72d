package com.memora.infra.srs;

import com.fasterxml.jackson.databind.JsonNode;
import com.memora.infra.testsupport.ApiClient;
import com.memora.projection.srs.ReviewQueueProjection;
import com.memora.kernel.srs.ReviewAnswer;
import com.memora.kernel.srs.ReviewedQuestion;
import com.memora.kernel.srs.fsrs.CardMemory;
import com.memora.kernel.srs.fsrs.CardState;
import com.memora.projection.srs.TrackerProjection;
import com.memora.projection.srs.TrackerStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Replaying the tracker and the review queues rebuilds the same content (R4); archived seasons stay out (S5). */
class ReviewReplayTest extends ReviewTestSupport {

    @Autowired
    TrackerStore tracker;

    @Test
    void aReplayRebuildsTheTrackerAndTheQueuesToTheSameContent() {
        String season = season(false, true);
        String archived = season(false, true);
        List<String> players = List.of(newPlayer(), newPlayer());
        Map<String, JsonNode> lastSubmitted = new LinkedHashMap<>();
        for (String player : players) {
            submit(player, season, rated("Q1", 1), withSubject(rated("Q2", 3), "MATH", "T1"));
            submit(player, season, rated("Q1", 3), rated("Q3", 4));
            lastSubmitted.put(player, submit(player, season, rated("Q2", 2)));
            submit(player, archived, rated("OLD", 3));
        }
        clock.advance(Duration.ofDays(3));
        Map<String, List<Map<String, Object>>> trackerBefore = new LinkedHashMap<>();
        Map<String, Map<String, Double>> queuesBefore = new LinkedHashMap<>();
        Map<String, JsonNode> dueBefore = new LinkedHashMap<>();
        for (String player : players) {
            JsonNode submitted = lastSubmitted.get(player);
            awaitProjected(player, season, sequenceOf(submitted)); // tracker rows complete; the read builds the queue
            dueBefore.put(player, dueOk(player, "?season=" + season, submitted.get("consistency_token").asText()));
            trackerBefore.put(player, trackerRows(player, season));
            queuesBefore.put(player, contents(player, season));
            awaitTracker(player, archived, 0);
            assertThat(trackerRows(player, archived)).hasSize(1);
        }
        assertThat(queuesBefore.get(players.get(0))).containsKeys("Q1", "Q2", "Q3", "#applied");

        // archived (issue 7): its rows move to the archive and its events stay out of the replay
        ApiClient admin = admin();
        ApiClient.Response archiving = admin.post("/api/admin/srs/seasons/" + archived + "/archive",
                                                  Map.of("confirm", true));
        assertThat(archiving.status()).isEqualTo(202);
        String job = archiving.json().get("job_id").asText();
        await().atMost(Duration.ofSeconds(60)).until(
                () -> "SUCCEEDED".equals(admin.get("/api/admin/jobs/" + job).json().get("state").asText()));
        replay(TrackerProjection.PROCESSING_GROUP);
        replay(ReviewQueueProjection.PROCESSING_GROUP);

        List<String> queuesLeft = new ArrayList<>();
        redisson.getKeys().getKeysByPattern("srs:*:" + season).forEach(queuesLeft::add);
        assertThat(queuesLeft).as("a queue reset drops the queues").isEmpty();
        for (String player : players) {
            assertThat(trackerRows(player, season)).isEqualTo(trackerBefore.get(player));
            assertThat(trackerRows(player, archived)).as("archived seasons are not replayed").isEmpty();
            assertThat(dueOk(player, "?season=" + season, null)).isEqualTo(dueBefore.get(player));
            assertThat(contents(player, season)).isEqualTo(queuesBefore.get(player));
        }
    }

    @Test
    void aRedeliveredOrOlderSubmissionChangesNoTrackerRow() {
        String season = season(false, true);
        String me = newPlayer();
        submit(me, season, rated("Q1", 3));
        awaitTracker(me, season, sequenceOf(submit(me, season, rated("Q1", 4))));
        List<Map<String, Object>> rows = trackerRows(me, season);

        Instant at = Instant.parse("2030-01-01T00:00:00Z");
        ReviewedQuestion bogus = ReviewedQuestion.of(ReviewAnswer.rated("Q1", 1), 1, null, null,
                                                     new CardMemory(CardState.RELEARNING, 9, 9, at, at, 0, 99, 9, 0));
        tracker.apply(me, season, 0, List.of(bogus));
        tracker.apply(me, season, 1, List.of(bogus));
        assertThat(trackerRows(me, season)).isEqualTo(rows);
        assertThat(trackerSequence(jdbc, me, season)).isEqualTo(1);

        tracker.apply(me, season, 2, List.of(bogus)); // the store is not simply read-only
        assertThat(trackerRows(me, season).get(0).get("reps")).isEqualTo(99);
        assertThat(trackerSequence(jdbc, me, season)).isEqualTo(2);
    }
}
