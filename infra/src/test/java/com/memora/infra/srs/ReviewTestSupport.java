package com.memora.infra.srs;

import com.fasterxml.jackson.databind.JsonNode;
import com.memora.infra.testsupport.ApiClient;
import com.memora.infra.testsupport.Ids;
import com.memora.infra.testsupport.IntegrationTest;
import com.memora.infra.testsupport.TestTokens;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.AfterEach;
import org.redisson.api.RScoredSortedSet;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.client.protocol.ScoredEntry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Seasons, players and submissions for the spaced-repetition tests (same Spring context as every other test). */
abstract class ReviewTestSupport extends IntegrationTest {

    @Autowired
    protected EventProcessingConfiguration processing;

    @Autowired
    protected RedissonClient redisson;

    /** Whatever a test did to Redis, the next one finds it up, with Safe Mode over (see {@code RedisRecovery}). */
    @AfterEach
    void endRedisOutage() {
        redisRecovery.endOutage();
    }

    protected ApiClient editor() {
        return api(TestTokens.editor());
    }

    protected ApiClient admin() {
        return api(TestTokens.admin());
    }

    protected ApiClient player(String playerId) {
        return api(TestTokens.player(playerId));
    }

    protected static String newPlayer() {
        return "player-" + UUID.randomUUID();
    }

    /** A new season, created over HTTP; its registry entry is written with the event, so it is usable at once. */
    protected String season(boolean active, boolean enableRedis) {
        String id = Ids.season();
        ApiClient.Response created = editor().post("/api/seasons", Map.of(
                "id", id, "title", "Reviews " + id, "start_date", "2026-09-01", "end_date", "2027-06-30",
                "is_active", active, "enable_redis", enableRedis));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return id;
    }

    protected static Map<String, Object> rated(String questionId, int rating) {
        return Map.of("question_id", questionId, "rating", rating);
    }

    protected static Map<String, Object> withSubject(Map<String, Object> answer, String subject, String topic) {
        Map<String, Object> copy = new LinkedHashMap<>(answer);
        copy.put("subject", subject);
        if (topic != null) {
            copy.put("topic", topic);
        }
        return copy;
    }

    @SafeVarargs
    protected static Map<String, Object> submission(String seasonOrNull, Map<String, Object>... answers) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (seasonOrNull != null) {
            body.put("season", seasonOrNull);
        }
        body.put("answers", new ArrayList<>(Arrays.asList(answers)));
        return body;
    }

    /** Submits and insists on success; returns the answer. */
    @SafeVarargs
    protected final JsonNode submit(String playerId, String season, Map<String, Object>... answers) {
        ApiClient.Response response = player(playerId).post("/api/reviews", submission(season, answers));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    protected ApiClient.Response due(String playerId, String query, String tokenOrNull) {
        ApiClient client = player(playerId);
        if (tokenOrNull != null) {
            client = client.withHeader("X-Consistency-Token", tokenOrNull);
        }
        return client.get("/api/reviews/due" + query);
    }

    protected JsonNode dueOk(String playerId, String query, String tokenOrNull) {
        ApiClient.Response response = due(playerId, query, tokenOrNull);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    protected static List<String> questionIds(JsonNode due) {
        List<String> ids = new ArrayList<>();
        due.get("questions").forEach(question -> ids.add(question.get("question_id").asText()));
        return ids;
    }

    /** Until the tracker holds the player's submission with this sequence. */
    protected void awaitTracker(String playerId, String season, long sequence) {
        await().atMost(Duration.ofSeconds(20)).until(() -> trackerSequence(jdbc, playerId, season) >= sequence);
    }

    /**
     * Until the tracker and the player's queue, if there is one, reflect the submission with this sequence: what a
     * read carrying its consistency token waits for. That read is no barrier: it waits at most
     * {@code memora.srs.consistency-wait} (1 s), then answers from the tracker and the stored events without building
     * or reading the queue. A test that needs more than that answer (the queue the read builds, a queue that is
     * fresh, the tracker rows) awaits this first; a read after it, with nothing submitted since, uses or builds a
     * queue that reflects the submission.
     */
    protected void awaitProjected(String playerId, String season, long sequence) {
        await().atMost(Duration.ofSeconds(20)).until(() -> trackerSequence(jdbc, playerId, season) >= sequence
                                                            && queueMissingOrReflecting(playerId, season, sequence));
    }

    private boolean queueMissingOrReflecting(String playerId, String season, long sequence) {
        Double applied = queue(playerId, season).getScore("#applied"); // -(sequence + 2)
        return applied == null || -applied.longValue() - 2 >= sequence;
    }

    /** Until the processing group has handled every event stored so far (on every segment). */
    protected void awaitProcessed(String group) {
        long head = jdbc.sql("select max(global_index) from domain_event_entry").query(Long.class).single();
        StreamingEventProcessor processor = processing.eventProcessor(group, StreamingEventProcessor.class)
                                                      .orElseThrow();
        await().atMost(Duration.ofSeconds(10)).until(() -> processor.processingStatus().values().stream().allMatch(
                status -> status.getCurrentPosition().orElse(-1) >= head));
    }

    protected static long trackerSequence(JdbcClient jdbc, String playerId, String season) {
        return jdbc.sql("select last_sequence from srs_tracker_progress where player = ? and season = ?")
                   .params(playerId, season).query(Long.class).optional().orElse(-1L);
    }

    protected static long sequenceOf(JsonNode submitted) {
        String token = submitted.get("consistency_token").asText();
        return Long.parseLong(token.substring(token.lastIndexOf(':') + 1));
    }

    protected long storedEvents(String playerId, String season) {
        return jdbc.sql("select count(*) from domain_event_entry where aggregate_identifier = ?")
                   .param("memory:" + season + ":" + playerId).query(Long.class).single();
    }

    protected List<Map<String, Object>> trackerRows(String playerId, String season) {
        return jdbc.sql("""
                        select player, season, question_id, subject, topic, state, stability, difficulty, due,
                               last_review, reps, lapses, learning_step, scheduled_days, last_sequence
                        from srs_tracker where player = ? and season = ? order by question_id
                        """)
                   .params(playerId, season).query().listOfRows();
    }

    protected RScoredSortedSet<String> queue(String playerId, String season) {
        return redisson.getScoredSortedSet("srs:" + playerId + ":" + season, StringCodec.INSTANCE);
    }

    /** The queue as question → due epoch second, plus its "#applied" marker. */
    protected Map<String, Double> contents(String playerId, String season) {
        Map<String, Double> contents = new LinkedHashMap<>();
        for (ScoredEntry<String> entry : queue(playerId, season).entryRange(0, -1)) {
            contents.put(entry.getValue(), entry.getScore());
        }
        return contents;
    }

    /** What the tracker says the player's queue must hold (rows without progress: marker of sequence -1). */
    protected Map<String, Double> expectedFromTracker(String playerId, String season) {
        Map<String, Double> expected = new LinkedHashMap<>();
        jdbc.sql("select question_id, extract(epoch from due)::bigint from srs_tracker "
                 + "where player = ? and season = ? order by question_id")
            .params(playerId, season)
            .query(rs -> {
                expected.put(rs.getString(1), (double) rs.getLong(2));
            });
        expected.put("#applied", (double) -(trackerSequence(jdbc, playerId, season) + 2));
        return expected;
    }

    protected void replay(String group) {
        ApiClient admin = admin();
        assertThat(admin.post("/api/admin/replay/" + group, null).status()).isEqualTo(202);
        long head = jdbc.sql("select max(global_index) from domain_event_entry").query(Long.class).single();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            JsonNode status = admin.get("/api/admin/replay/" + group).json();
            return !status.get("replaying").asBoolean() && status.get("caught_up").asBoolean()
                   && status.get("position").asLong() >= head;
        });
    }
}
