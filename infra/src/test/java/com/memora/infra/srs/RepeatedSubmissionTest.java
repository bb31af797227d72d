package com.memora.infra.srs;

import com.fasterxml.jackson.databind.JsonNode;
import com.memora.infra.testsupport.ApiClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A {@code submission_id} names one submission of a player (decisions S3): sending it again gets the first answer and
 * changes nothing — whatever happened since (the active season changed, the season was archived, the player is over
 * the rate limit) and whichever season the repeat names.
 */
class RepeatedSubmissionTest extends SrsOperationsTestSupport {

    @Autowired
    DataSource dataSource;

    private static Map<String, Object> withId(Map<String, Object> body, String submissionId) {
        body.put("submission_id", submissionId);
        return body;
    }

    private static String newSubmissionId() {
        return UUID.randomUUID().toString();
    }

    @Test
    void aRepeatWithoutSeasonAfterTheActiveSeasonChangedGetsTheFirstAnswerAndIsNotAppliedAgain() {
        String first = season(true, true);
        String me = newPlayer();
        String id = newSubmissionId();
        ApiClient.Response original = player(me).post("/api/reviews",
                                                      withId(submission(null, rated("Q1", 3)), id));
        assertThat(original.status()).as(original.toString()).isEqualTo(200);
        assertThat(original.json().get("season").asText()).isEqualTo(first);

        String next = season(true, true); // activating it deactivates the first
        ApiClient.Response repeat = player(me).post("/api/reviews", withId(submission(null, rated("Q1", 3)), id));
        assertThat(repeat.status()).as(repeat.toString()).isEqualTo(200);
        assertThat(repeat.json()).isEqualTo(original.json());
        assertThat(storedEvents(me, next)).as("not applied to the new active season").isZero();
        assertThat(storedEvents(me, first)).isEqualTo(1);

        ApiClient.Response named = player(me).post("/api/reviews", withId(submission(next, rated("Q7", 1)), id));
        assertThat(named.json()).as("whichever season a repeat names").isEqualTo(original.json());
        assertThat(storedEvents(me, next)).isZero();
    }

    @Test
    void aRepeatAfterTheSeasonWasArchivedGetsTheFirstAnswer() {
        String season = season(false, true);
        String me = newPlayer();
        String id = newSubmissionId();
        ApiClient.Response original = player(me).post("/api/reviews",
                                                      withId(submission(season, rated("Q1", 3), rated("Q2", 1)), id));
        assertThat(original.status()).as(original.toString()).isEqualTo(200);
        awaitTracker(me, season, 0);
        archive(season);

        ApiClient.Response repeat = player(me).post("/api/reviews",
                                                    withId(submission(season, rated("Q1", 3), rated("Q2", 1)), id));
        assertThat(repeat.status()).as(repeat.toString()).isEqualTo(200);
        assertThat(repeat.json()).isEqualTo(original.json());
        ApiClient.Response fresh = player(me).post("/api/reviews", submission(season, rated("Q3", 3)));
        assertThat(fresh.status()).as("a new submission is still refused").isEqualTo(409);
    }

    @Test
    void aRepeatOverTheRateLimitGetsTheFirstAnswer() {
        String season = season(false, true);
        String me = newPlayer();
        String id = newSubmissionId();
        ApiClient.Response original = player(me).post("/api/reviews", withId(submission(season, rated("Q0", 3)), id));
        assertThat(original.status()).isEqualTo(200);
        ApiClient.Response limited = null;
        for (int i = 1; i <= 60; i++) {
            limited = player(me).post("/api/reviews", submission(season, rated("Q" + i, 3)));
            if (limited.status() != 200) {
                break;
            }
        }
        assertThat(limited.status()).as("the player is over the limit").isEqualTo(429);

        ApiClient.Response repeat = player(me).post("/api/reviews", withId(submission(season, rated("Q0", 3)), id));
        assertThat(repeat.status()).as(repeat.toString()).isEqualTo(200);
        assertThat(repeat.json()).isEqualTo(original.json());
    }

    /**
     * The first request is held up in its transaction (the season's review lock is taken) while the client, tired of
     * waiting, sends the same id naming another season, which is stored at once. When the first goes on, its id is
     * taken: it is rolled back and answers with what was stored — both requests get the same, single answer.
     */
    @Test
    void twoRequestsWithOneIdInTwoSeasonsAtOnceStoreOneSubmission() throws Exception {
        String held = season(false, true);
        String other = season(false, true);
        String me = newPlayer();
        String id = newSubmissionId();
        ApiClient.Response second;
        ApiClient.Response first;
        try (Connection lock = dataSource.getConnection()) {
            lock.setAutoCommit(false);
            try (PreparedStatement statement = lock.prepareStatement(
                    "select pg_advisory_xact_lock(x'53525331'::int, hashtext(?))")) {
                statement.setString(1, held);
                statement.executeQuery().close();
            }
            CompletableFuture<ApiClient.Response> waiting = CompletableFuture.supplyAsync(
                    () -> player(me).post("/api/reviews", withId(submission(held, rated("Q1", 3)), id)));
            await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                    "select count(*) from pg_locks where locktype = 'advisory' and not granted").query(Long.class)
                    .single() > 0);
            second = player(me).post("/api/reviews", withId(submission(other, rated("Q2", 1)), id));
            assertThat(second.status()).as(second.toString()).isEqualTo(200);
            lock.rollback();
            first = waiting.get(30, TimeUnit.SECONDS);
        }
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.json()).isEqualTo(second.json());
        JsonNode answer = first.json();
        assertThat(answer.get("season").asText()).isEqualTo(other);
        assertThat(storedEvents(me, held)).isZero();
        assertThat(storedEvents(me, other)).isEqualTo(1);
    }
}
