package com.memora.infra.srs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.memora.infra.testsupport.ApiClient;
import com.memora.infra.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /api/reviews} and {@code GET /api/reviews/due} over HTTP, against PostgreSQL and Redis. */
class ReviewApiTest extends ReviewTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aSubmissionIsAnsweredOnceStoredAndTheNextReadReflectsIt() {
        String season = season(true, true);
        String me = newPlayer();
        clock.freezeAt(Instant.parse("2026-10-05T08:00:00Z"));

        JsonNode submitted = submit(me, null,
                                    withSubject(rated("Q-AGAIN", 1), "MATH", "ALGEBRA"),
                                    rated("Q-GOOD", 3),
                                    rated("Q-EASY", 4));
        assertThat(submitted.get("processed").asInt()).isEqualTo(3);
        assertThat(submitted.get("season").asText()).isEqualTo(season);
        assertThat(submitted.get("consistency_token").asText()).isEqualTo(season + ":0");
        JsonNode counts = submitted.get("new_state_counts");
        assertThat(counts.get("new").asInt() + counts.get("learning").asInt() + counts.get("review").asInt()
                   + counts.get("relearning").asInt()).isEqualTo(3);
        assertThat(counts.get("learning").asInt()).isEqualTo(2);
        assertThat(counts.get("review").asInt()).isEqualTo(1);
        List<String> nextDue = new ArrayList<>();
        submitted.get("next_due").forEach(entry -> nextDue.add(entry.get("question_id").asText()));
        assertThat(nextDue).containsExactly("Q-AGAIN", "Q-GOOD", "Q-EASY");
        Instant againDue = Instant.parse(submitted.at("/next_due/0/due").asText());
        Instant goodDue = Instant.parse(submitted.at("/next_due/1/due").asText());
        Instant easyDue = Instant.parse(submitted.at("/next_due/2/due").asText());
        assertThat(againDue).isEqualTo(Instant.parse("2026-10-05T08:01:00Z")); // first learning step
        assertThat(goodDue).isEqualTo(Instant.parse("2026-10-05T08:10:00Z"));  // second learning step
        assertThat(easyDue).isAfter(Instant.parse("2026-10-06T00:00:00Z"));    // straight to review, days away

        // nothing is due yet: the next read, carrying the token, already knows the three questions
        JsonNode now = dueOk(me, "", submitted.get("consistency_token").asText());
        assertThat(now.get("questions")).isEmpty();
        assertThat(now.get("total_due").asLong()).isZero();
        assertThat(now.get("is_degraded").asBoolean()).isFalse();
        assertThat(now.get("season").asText()).isEqualTo(season);

        clock.advance(Duration.ofMinutes(5));
        JsonNode later = dueOk(me, "", null);
        assertThat(questionIds(later)).containsExactly("Q-AGAIN");
        JsonNode again = later.at("/questions/0");
        assertThat(again.get("due").asText()).isEqualTo("2026-10-05T08:01:00Z");
        assertThat(again.get("state").asText()).isEqualTo("Learning");
        assertThat(again.get("stability").asDouble()).isPositive();
        assertThat(again.get("difficulty").asDouble()).isBetween(1.0, 10.0);
        assertThat(again.get("subject").asText()).isEqualTo("MATH");
        assertThat(again.get("topic").asText()).isEqualTo("ALGEBRA");
        assertThat(later.get("total_due").asLong()).isEqualTo(1);

        // answering it moves it out of the due list at once (read-your-writes through the token)
        JsonNode answered = submit(me, season, rated("Q-AGAIN", 3));
        assertThat(answered.get("consistency_token").asText()).isEqualTo(season + ":1");
        JsonNode after = dueOk(me, "", answered.get("consistency_token").asText());
        assertThat(questionIds(after)).isEmpty();

        // a read without the token uses the queue as it stands: one without the answer has Q-AGAIN first (08:01)
        awaitProjected(me, season, sequenceOf(answered));
        clock.advance(Duration.ofDays(400));
        JsonNode all = dueOk(me, "", null);
        assertThat(questionIds(all)).containsExactlyInAnyOrder("Q-AGAIN", "Q-GOOD", "Q-EASY");
        assertThat(questionIds(all).get(0)).isEqualTo("Q-GOOD"); // most overdue first
    }

    @Test
    void limitTotalDueAndSubjectFilter() {
        String season = season(false, true);
        String me = newPlayer();
        clock.freezeAt(Instant.parse("2026-10-05T08:00:00Z"));
        JsonNode submitted = submit(me, season, withSubject(rated("M1", 1), "MATH", null),
                                    withSubject(rated("M2", 1), "MATH", null),
                                    withSubject(rated("M3", 1), "MATH", null),
                                    withSubject(rated("P1", 3), "PHYS", null), rated("X1", 2));
        String token = submitted.get("consistency_token").asText();
        clock.advance(Duration.ofHours(1));
        String query = "?season=" + season;
        JsonNode two = dueOk(me, query + "&limit=2", token);
        assertThat(two.get("questions")).hasSize(2);
        assertThat(two.get("total_due").asLong()).isEqualTo(5);
        assertThat(questionIds(two)).containsExactly("M1", "M2"); // equal due times: question id order

        // a subject filter reads the tracker, and without the token nothing waits for it
        awaitTracker(me, season, sequenceOf(submitted));
        JsonNode math = dueOk(me, query + "&subject=MATH", null);
        assertThat(questionIds(math)).containsExactly("M1", "M2", "M3");
        assertThat(math.get("total_due").asLong()).isEqualTo(3);
        assertThat(math.get("is_degraded").asBoolean()).isFalse();
        assertThat(dueOk(me, query + "&subject=BIOLOGY", null).get("total_due").asLong()).isZero();
        assertThat(dueOk(me, query, null).get("questions")).hasSize(5); // default limit 20
    }

    @Test
    void aPlayerSeesOnlyTheirOwnReviews() {
        String season = season(false, true);
        String alice = newPlayer();
        String bob = newPlayer();
        String aliceToken = submit(alice, season, rated("ALICE-Q", 1)).get("consistency_token").asText();
        String bobToken = submit(bob, season, rated("BOB-Q", 1)).get("consistency_token").asText();
        clock.advance(Duration.ofMinutes(2));
        assertThat(questionIds(dueOk(alice, "?season=" + season, aliceToken))).containsExactly("ALICE-Q");
        assertThat(questionIds(dueOk(bob, "?season=" + season, bobToken))).containsExactly("BOB-Q");
    }

    @Test
    void aRepeatedSubmissionIdReturnsTheFirstAnswerAndChangesNothing() {
        String season = season(false, true);
        String me = newPlayer();
        Map<String, Object> first = submission(season, rated("Q1", 3), rated("Q2", 1));
        first.put("submission_id", "5b0f6f8e-1c1a-4a52-9a0c-3c3f6d6f2a11");
        ApiClient.Response original = player(me).post("/api/reviews", first);
        assertThat(original.status()).isEqualTo(200);
        awaitTracker(me, season, 0);
        List<Map<String, Object>> trackerBefore = trackerRows(me, season);

        clock.advance(Duration.ofHours(3));
        Map<String, Object> resent = submission(season, rated("Q9", 4));
        resent.put("submission_id", "5b0f6f8e-1c1a-4a52-9a0c-3c3f6d6f2a11");
        ApiClient.Response repeat = player(me).post("/api/reviews", resent);
        assertThat(repeat.status()).isEqualTo(200);
        assertThat(repeat.json()).isEqualTo(original.json());
        assertThat(storedEvents(me, season)).isEqualTo(1);
        assertThat(trackerRows(me, season)).isEqualTo(trackerBefore);
    }

    @Test
    void everyAnswerFormIsStoredWithTheDecidedRating() throws Exception {
        String season = season(false, true);
        String me = newPlayer();
        submit(me, season,
               Map.of("question_id", "Q-R", "rating", 2),
               Map.of("question_id", "Q-Q0", "quality", 0),
               Map.of("question_id", "Q-Q3", "quality", 3),
               Map.of("question_id", "Q-Q5", "quality", 5),
               Map.of("question_id", "Q-WRONG", "is_correct", false),
               Map.of("question_id", "Q-FAST", "is_correct", true, "duration_ms", 1500),
               Map.of("question_id", "Q-DEFAULT", "is_correct", true),
               Map.of("question_id", "Q-SLOW", "is_correct", true, "duration_ms", 7000));
        byte[] payload = jdbc.sql("select payload from domain_event_entry where aggregate_identifier = ?")
                             .param("memory:" + season + ":" + me).query(byte[].class).single();
        JsonNode event = JSON.readTree(payload);
        List<String> ratings = new ArrayList<>();
        event.get("reviews").forEach(r -> ratings.add(r.get("questionId").asText() + "=" + r.get("rating").asInt()));
        assertThat(ratings).containsExactly("Q-R=2", "Q-Q0=1", "Q-Q3=2", "Q-Q5=4", "Q-WRONG=1", "Q-FAST=4",
                                            "Q-DEFAULT=3", "Q-SLOW=2");
        assertThat(event.at("/reviews/5/durationMs").asInt()).isEqualTo(1500);
        assertThat(event.at("/reviews/5/isCorrect").asBoolean()).isTrue();
    }

    @Test
    void badAnswersAre400NamingTheAnswerAndStoreNothing() {
        String season = season(false, true);
        String me = newPlayer();
        assertBad(me, submission(season, Map.of("question_id", "Q1")), "answers[0]", "exactly one of");
        assertBad(me, submission(season, rated("Q1", 3), Map.of("question_id", "Q2", "rating", 3, "quality", 4)),
                  "answers[1]", "rating and quality");
        assertBad(me, submission(season, rated("Q1", 7)), "answers[0].rating", "1 (Again) to 4 (Easy)");
        assertBad(me, submission(season, Map.of("question_id", "Q1", "quality", 9)), "answers[0].quality", "0 to 5");
        assertBad(me, submission(season, Map.of("question_id", "Q1", "is_correct", true, "duration_ms", -1)),
                  "answers[0].duration_ms", "milliseconds");
        assertBad(me, submission(season, rated("../../etc", 3)), "answers[0].question_id", "1-64");
        assertBad(me, submission(season, Map.of("question_id", "Q1", "rating", 3, "colour", "red")),
                  "answers[0].colour", "");
        assertBad(me, submission(season), "answers", "1 to 50");
        @SuppressWarnings("unchecked")
        Map<String, Object>[] tooMany = Collections.nCopies(51, rated("Q1", 3)).toArray(Map[]::new);
        assertBad(me, submission(season, tooMany), "answers", "1 to 50");
        assertBad(me, Map.of("season", "season-2026", "answers", List.of(rated("Q1", 3))), "season", "SEASON-YYYY");
        Map<String, Object> badId = submission(season, rated("Q1", 3));
        badId.put("submission_id", "not a valid id!");
        assertBad(me, badId, "submission_id", "1-64");
        assertThat(storedEvents(me, season)).isZero();
    }

    private void assertBad(String playerId, Map<String, Object> body, String field, String detail) {
        ApiClient.Response response = player(playerId).post("/api/reviews", body);
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("field").asText()).isEqualTo(field);
        assertThat(response.json().get("detail").asText()).contains(detail);
    }

    @Test
    void unknownArchivedOrMissingSeasonsAreRefusedClearly() {
        String me = newPlayer();
        ApiClient.Response unknown = player(me).post("/api/reviews", submission("SEASON-1999-NOPE",
                                                                                 rated("Q1", 3)));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("detail").asText()).contains("SEASON-1999-NOPE");
        assertThat(due(me, "?season=SEASON-1999-NOPE", null).status()).isEqualTo(404);

        String archived = season(false, true);
        jdbc.sql("update season_registry set archived = true where season_id = ?").param(archived).update();
        ApiClient.Response closed = player(me).post("/api/reviews", submission(archived, rated("Q1", 3)));
        assertThat(closed.status()).isEqualTo(409);
        assertThat(closed.json().get("type").asText()).isEqualTo("urn:memora:problem:season-archived");
        assertThat(closed.json().get("detail").asText()).contains(archived).contains("archived");
        ApiClient.Response closedRead = due(me, "?season=" + archived, null);
        assertThat(closedRead.status()).isEqualTo(409);
        assertThat(closedRead.json().get("detail").asText()).contains(archived);

        // with no season named and none active: 409
        String active = season(true, true);
        assertThat(editor().patch("/api/seasons/" + active, Map.of("is_active", false)).status()).isEqualTo(200);
        ApiClient.Response none = player(me).post("/api/reviews", submission(null, rated("Q1", 3)));
        assertThat(none.status()).isEqualTo(409);
        assertThat(none.json().get("type").asText()).isEqualTo("urn:memora:problem:no-active-season");
        assertThat(due(me, "", null).status()).isEqualTo(409);
        assertThat(storedEvents(me, archived)).isZero();
    }

    @Test
    void submissionsAreRateLimitedPerPlayer() {
        String season = season(false, true);
        String me = newPlayer();
        ApiClient.Response response = null;
        int accepted = 0;
        for (int i = 0; i < 61; i++) {
            response = player(me).post("/api/reviews", submission(season, rated("Q" + i, 3)));
            if (response.status() != 200) {
                break;
            }
            accepted++;
        }
        assertThat(accepted).isEqualTo(60);
        assertThat(response.status()).isEqualTo(429);
        long retryAfter = Long.parseLong(response.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 60L);
        assertThat(response.json().get("retry_after").asLong()).isEqualTo(retryAfter);
        assertThat(storedEvents(me, season)).isEqualTo(60);
        // another player is not affected
        submit(newPlayer(), season, rated("Q1", 3));
    }

    @Test
    void badReadParametersAre400() {
        String season = season(false, true);
        String me = newPlayer();
        for (String limit : List.of("0", "51", "abc")) {
            ApiClient.Response response = due(me, "?season=" + season + "&limit=" + limit, null);
            assertThat(response.status()).as(limit).isEqualTo(400);
            assertThat(response.json().get("field").asText()).isEqualTo("limit");
        }
        assertThat(due(me, "?season=" + season + "&subject=a/b", null).json().get("field").asText())
                .isEqualTo("subject");
        assertThat(due(me, "?season=2026", null).json().get("field").asText()).isEqualTo("season");
        ApiClient.Response badToken = due(me, "?season=" + season, "yesterday");
        assertThat(badToken.status()).isEqualTo(400);
        assertThat(badToken.json().get("field").asText()).isEqualTo("X-Consistency-Token");
    }

    @Test
    void onlyPlayersMayReviewAndOnlyWithAToken() {
        String season = season(false, true);
        assertThat(api(TestTokens.editor()).post("/api/reviews", submission(season, rated("Q1", 3))).status())
                .isEqualTo(403);
        assertThat(api(TestTokens.editor()).get("/api/reviews/due?season=" + season).status()).isEqualTo(403);
        assertThat(anonymous().post("/api/reviews", submission(season, rated("Q1", 3))).status()).isEqualTo(401);
        assertThat(anonymous().get("/api/reviews/due").status()).isEqualTo(401);
        // an administrator is a player too (own reviews only)
        assertThat(api(TestTokens.admin()).post("/api/reviews", submission(season, rated("Q1", 3))).status())
                .isEqualTo(200);
    }
}
