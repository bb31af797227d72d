package com.memora.infra.srs;

import com.fasterxml.jackson.databind.JsonNode;
import com.memora.infra.testsupport.ApiClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Jobs, queues, archive rows and replays for the tests of the SRS operations (issue 7). */
abstract class SrsOperationsTestSupport extends ReviewTestSupport {

    protected long keysOf(String season) {
        return redisson.getKeys().getKeysStreamByPattern("srs:*:" + season).count();
    }

    protected static String token(JsonNode submitted) {
        return submitted.get("consistency_token").asText();
    }

    /** Until the job has finished, whatever its outcome; its status as {@code GET /api/admin/jobs/{id}} shows it. */
    protected JsonNode awaitJob(String jobId) {
        ApiClient admin = admin();
        await().atMost(Duration.ofSeconds(90)).until(
                () -> !"RUNNING".equals(admin.get("/api/admin/jobs/" + jobId).json().get("state").asText()));
        return admin.get("/api/admin/jobs/" + jobId).json();
    }

    protected JsonNode awaitJobSucceeded(String jobId) {
        JsonNode job = awaitJob(jobId);
        assertThat(job.get("state").asText()).as(job.toString()).isEqualTo("SUCCEEDED");
        return job;
    }

    /** Archives the season over HTTP and waits for the job; returns its result. */
    protected JsonNode archive(String season) {
        ApiClient.Response started = admin().post("/api/admin/srs/seasons/" + season + "/archive",
                                                  Map.of("confirm", true));
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        return awaitJobSucceeded(started.json().get("job_id").asText()).get("result");
    }

    protected static String partitionOf(String season) {
        return "p_" + season.toLowerCase(Locale.ROOT).replace('-', '_');
    }

    protected boolean partitionExists(String season) {
        return jdbc.sql("select to_regclass(?) is not null").param(partitionOf(season)).query(Boolean.class)
                   .single();
    }

    /** player:question → row id, of the live tracker or of the archive. */
    protected Map<String, Long> rowIds(String table, String season) {
        Map<String, Long> ids = new LinkedHashMap<>();
        jdbc.sql("select player, question_id, id from " + table + " where season = ? order by player, question_id")
            .param(season)
            .query(rs -> {
                ids.put(rs.getString(1) + ":" + rs.getString(2), rs.getLong(3));
            });
        return ids;
    }

    protected long archivedRows(String season) {
        return jdbc.sql("select count(*) from srs_tracker_archive where season = ?").param(season)
                   .query(Long.class).single();
    }

    /**
     * Tracker rows written straight into the season's partition, as the benchmarks load them: questions
     * {@code B0000}… due one hour apart from 2026-01-01, no event behind them (sequence -1, no progress row).
     */
    protected void insertRows(String season, String playerId, int questions) {
        await().atMost(Duration.ofSeconds(10)).until(() -> partitionExists(season));
        jdbc.sql("""
                 insert into srs_tracker (player, season, question_id, state, stability, difficulty, due, reps,
                                          lapses, learning_step, scheduled_days, last_sequence)
                 select ?, ?, 'B' || lpad(n::text, 4, '0'), 'Review', 3.5, 5.0,
                        timestamptz '2026-01-01 00:00:00+00' + n * interval '1 hour', 1, 0, 0, 3, -1
                 from generate_series(0, ? - 1) n
                 """)
            .params(playerId, season, questions).update();
    }

    protected List<String> seasonsOf(JsonNode array) {
        List<String> seasons = new ArrayList<>();
        array.forEach(node -> seasons.add(node.asText()));
        return seasons;
    }
}
