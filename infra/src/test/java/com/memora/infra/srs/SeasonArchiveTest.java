package com.memora.infra.srs;

import com.fasterxml.jackson.databind.JsonNode;
import com.memora.command.srs.ReviewSeasonGate;
import com.memora.infra.testsupport.ApiClient;
import com.memora.infra.testsupport.Ids;
import com.memora.infra.testsupport.TestTokens;
import com.memora.kernel.error.ConflictException;
import com.memora.projection.srs.TrackerProjection;
import com.memora.kernel.season.ArchiveSeasonCommand;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Archiving a season (domain §12.6, decisions S5, S6) against PostgreSQL and Redis: the rows move with their ids,
 * the partition and the queues go, reviews and reads are refused, a replay brings nothing back, a repeat is harmless,
 * and no review accepted before the archive is missing from it.
 */
class SeasonArchiveTest extends SrsOperationsTestSupport {

    @Autowired
    ReviewSeasonGate gate;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    CommandGateway commands;

    @Autowired
    DataSource dataSource;

    @Test
    void archivingMovesTheRowsWithTheirIdsDropsThePartitionAndClearsTheCache() {
        String season = season(false, true);
        String first = newPlayer();
        String second = newPlayer();
        clock.freezeAt(Instant.parse("2026-11-02T10:00:00Z"));
        JsonNode one = submit(first, season, rated("Q1", 3), withSubject(rated("Q2", 1), "MATH", "T1"));
        JsonNode two = submit(second, season, rated("Q1", 4));
        awaitProjected(first, season, sequenceOf(one));
        awaitProjected(second, season, sequenceOf(two));
        dueOk(first, "?season=" + season, token(one));
        dueOk(second, "?season=" + season, token(two));
        assertThat(keysOf(season)).isEqualTo(2);
        Map<String, Long> liveIds = rowIds("srs_tracker", season);
        assertThat(liveIds).hasSize(3);
        List<Map<String, Object>> liveRows = trackerRows(first, season);

        clock.freezeAt(Instant.parse("2026-11-03T09:00:00Z"));
        ApiClient.Response started = admin().post("/api/admin/srs/seasons/" + season + "/archive",
                                                  Map.of("confirm", true));
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        assertThat(started.json().get("archived_now").asBoolean()).isTrue();
        assertThat(started.json().get("status_url").asText()).endsWith(started.json().get("job_id").asText());
        JsonNode job = awaitJobSucceeded(started.json().get("job_id").asText());
        assertThat(job.get("type").asText()).isEqualTo("srs-archive");
        assertThat(job.get("result").get("records_archived").asLong()).isEqualTo(3);
        assertThat(job.get("result").get("cache_keys_deleted").asLong()).isEqualTo(2);
        assertThat(job.get("percent").asDouble()).isEqualTo(100.0);

        assertThat(rowIds("srs_tracker_archive", season)).as("same ids").isEqualTo(liveIds);
        assertThat(jdbc.sql("""
                            select distinct archived_at, eligible_for_deletion from srs_tracker_archive
                            where season = ?
                            """).param(season).query().listOfRows())
                .containsExactly(Map.of("archived_at", java.sql.Timestamp.from(Instant.parse("2026-11-03T09:00:00Z")),
                                        "eligible_for_deletion", false));
        assertThat(jdbc.sql("""
                            select subject, topic, state, stability, difficulty, due, last_review, reps, lapses
                            from srs_tracker_archive where season = ? and player = ? order by question_id
                            """).params(season, first).query().listOfRows())
                .as("every column kept")
                .isEqualTo(liveRows.stream().map(row -> {
                    Map<String, Object> kept = new java.util.LinkedHashMap<>();
                    for (String column : List.of("subject", "topic", "state", "stability", "difficulty", "due",
                                                 "last_review", "reps", "lapses")) {
                        kept.put(column, row.get(column));
                    }
                    return kept;
                }).toList());
        assertThat(rowIds("srs_tracker", season)).isEmpty();
        assertThat(partitionExists(season)).isFalse();
        assertThat(trackerSequence(jdbc, first, season)).as("progress rows go too").isEqualTo(-1);
        assertThat(keysOf(season)).isZero();

        // S6: reviews, review reads and changes of an archived season are refused, naming the season
        ApiClient.Response review = player(first).post("/api/reviews", submission(season, rated("Q3", 3)));
        assertThat(review.status()).isEqualTo(409);
        assertThat(review.json().get("type").asText()).isEqualTo("urn:memora:problem:season-archived");
        assertThat(review.json().get("detail").asText()).contains(season);
        ApiClient.Response read = due(first, "?season=" + season, null);
        assertThat(read.status()).isEqualTo(409);
        assertThat(read.json().get("detail").asText()).contains(season);
        ApiClient.Response change = editor().patch("/api/seasons/" + season, Map.of("title", "Reopened"));
        assertThat(change.status()).isEqualTo(409);
        assertThat(change.json().get("type").asText()).isEqualTo("urn:memora:problem:season-archived");

        await().atMost(Duration.ofSeconds(10)).until(
                () -> editor().get("/api/seasons/" + season).json().path("records_archived").asLong(-1) == 3);
        JsonNode view = editor().get("/api/seasons/" + season).json();
        assertThat(view.get("archived").asBoolean()).isTrue();
        assertThat(view.get("archived_at").asText()).isEqualTo("2026-11-03T09:00:00Z");
        JsonNode status = admin().get("/api/admin/srs/seasons/" + season + "/archive").json();
        assertThat(status.get("archived_records").asLong()).isEqualTo(3);
        assertThat(status.get("active_records").asLong()).isZero();
        assertThat(status.get("eligible_for_deletion").asLong()).isZero();
        assertThat(status.get("total_records").asLong()).isEqualTo(3);

        // asking again is harmless: nothing moves twice, the figures stay
        JsonNode again = archive(season);
        assertThat(again.get("records_archived").asLong()).isEqualTo(3);
        assertThat(again.get("cache_keys_deleted").asLong()).isZero();
        assertThat(rowIds("srs_tracker_archive", season)).isEqualTo(liveIds);
        assertThat(jdbc.sql("select count(*) from domain_event_entry where aggregate_identifier = ? "
                            + "and payload_type like '%SeasonTrackerArchivedEvent'")
                       .param("season:" + season).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void archivingNeedsConfirmationAndAnInactiveKnownSeason() {
        String season = season(false, true);
        await().atMost(Duration.ofSeconds(10)).until(() -> partitionExists(season));
        ApiClient admin = admin();
        String path = "/api/admin/srs/seasons/" + season + "/archive";

        for (Object body : new Object[] {null, Map.of(), Map.of("confirm", false)}) {
            ApiClient.Response refused = admin.post(path, body);
            assertThat(refused.status()).as(String.valueOf(body)).isEqualTo(400);
            assertThat(refused.json().get("field").asText()).isEqualTo("confirm");
        }
        assertThat(admin.post(path, "{\"confirm\":true,\"force\":true}").json().get("field").asText())
                .isEqualTo("force");
        ApiClient.Response unknown = admin.post("/api/admin/srs/seasons/" + Ids.season() + "/archive",
                                                Map.of("confirm", true));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(admin.post("/api/admin/srs/seasons/season-x/archive", Map.of("confirm", true)).status())
                .isEqualTo(400);
        assertThat(api(TestTokens.editor()).post(path, Map.of("confirm", true)).status()).isEqualTo(403);

        String active = season(true, true);
        ApiClient.Response refused = admin.post("/api/admin/srs/seasons/" + active + "/archive",
                                                Map.of("confirm", true));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("type").asText()).isEqualTo("urn:memora:problem:season-active");
        assertThat(refused.json().get("detail").asText()).contains(active);
        assertThat(partitionExists(season)).as("nothing happened").isTrue();
        assertThat(jdbc.sql("select archived from season_registry where season_id = ?").param(season)
                       .query(Boolean.class).single()).isFalse();
    }

    @Test
    void aReplayOfTheTrackerBringsNoArchivedRowBack() {
        String season = season(false, true);
        String kept = season(false, true);
        String me = newPlayer();
        submit(me, season, rated("Q1", 3), rated("Q2", 2));
        JsonNode other = submit(me, kept, rated("Q1", 3));
        awaitTracker(me, kept, sequenceOf(other));
        List<Map<String, Object>> keptRows = trackerRows(me, kept);
        archive(season);
        Map<String, Long> archivedIds = rowIds("srs_tracker_archive", season);

        replay(TrackerProjection.PROCESSING_GROUP);

        assertThat(trackerRows(me, season)).isEmpty();
        assertThat(partitionExists(season)).as("the partition is not created again").isFalse();
        assertThat(rowIds("srs_tracker_archive", season)).isEqualTo(archivedIds);
        assertThat(trackerRows(me, kept)).as("other seasons come back as they were").isEqualTo(keptRows);
    }

    @Test
    void theArchiveWaitsForTheTrackerSoThatNoAcceptedReviewIsMissing() {
        String season = season(false, true);
        String me = newPlayer();
        StreamingEventProcessor tracker = processing.eventProcessor(TrackerProjection.PROCESSING_GROUP,
                                                                    StreamingEventProcessor.class).orElseThrow();
        JsonNode submitted;
        ApiClient.Response started;
        try {
            tracker.shutDown();
            submitted = submit(me, season, rated("Q1", 3), rated("Q2", 4));
            started = admin().post("/api/admin/srs/seasons/" + season + "/archive", Map.of("confirm", true));
            assertThat(started.status()).isEqualTo(202);
            String job = started.json().get("job_id").asText();
            await().atMost(Duration.ofSeconds(10)).until(
                    () -> admin().get("/api/admin/jobs/" + job).json().path("message").asText()
                                 .startsWith("Waiting for the tracker"));
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(
                    () -> "RUNNING".equals(admin().get("/api/admin/jobs/" + job).json().get("state").asText()));
            assertThat(archivedRows(season)).isZero();
        } finally {
            tracker.start();
        }
        JsonNode result = awaitJobSucceeded(started.json().get("job_id").asText()).get("result");
        assertThat(result.get("records_archived").asLong()).isEqualTo(2);
        assertThat(jdbc.sql("select max(last_sequence) from srs_tracker_archive where season = ? and player = ?")
                       .params(season, me).query(Long.class).single()).isEqualTo(sequenceOf(submitted));
    }

    @Test
    void aSubmissionBeingStoredHoldsTheArchiveBackAndOneAfterItIsRefused() throws Exception {
        String season = season(false, true);
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> submission = CompletableFuture.runAsync(
                () -> transactions.executeWithoutResult(status -> {
                    gate.requireOpen(season); // what a submission's transaction does first
                    locked.countDown();
                    await().atMost(Duration.ofSeconds(30)).until(() -> release.getCount() == 0);
                }));
        assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<ApiClient.Response> archiving = CompletableFuture.supplyAsync(
                () -> admin().post("/api/admin/srs/seasons/" + season + "/archive", Map.of("confirm", true)));
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> !archiving.isDone());

        release.countDown();
        submission.get(10, TimeUnit.SECONDS);
        assertThat(archiving.get(10, TimeUnit.SECONDS).status()).isEqualTo(202);
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> gate.requireOpen(season)))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining(season);
        awaitJobSucceeded(archiving.get().json().get("job_id").asText());
    }

    /**
     * Reviews of other seasons keep the event store's head moving, and one of them is stuck in the tracker (its
     * progress row is locked): the tracker is never at the head, yet it has applied every review of the archived
     * season, which all precede the season's archive event. The archive goes ahead.
     */
    @Test
    void reviewsOfAnotherSeasonFlowingDuringTheArchiveDoNotHoldItUp() throws Exception {
        String season = season(false, true);
        String other = season(false, true);
        String me = newPlayer();
        awaitTracker(me, season, sequenceOf(submit(me, season, rated("Q1", 3), rated("Q2", 1))));
        String busy = newPlayer();
        awaitTracker(busy, other, sequenceOf(submit(busy, other, rated("Q1", 3))));
        commands.sendAndWait(new ArchiveSeasonCommand(season, false)); // reviews closed; rows not moved yet
        awaitProcessed(TrackerProjection.PROCESSING_GROUP);

        AtomicBoolean flowing = new AtomicBoolean(true);
        CompletableFuture<List<Integer>> flow;
        String job;
        try (Connection lock = dataSource.getConnection()) {
            lock.setAutoCommit(false);
            try (PreparedStatement rowLock = lock.prepareStatement(
                    "select 1 from srs_tracker_progress where player = ? and season = ? for update")) {
                rowLock.setString(1, busy);
                rowLock.setString(2, other);
                rowLock.executeQuery().close();
            }
            submit(busy, other, rated("Q2", 4)); // stored; the tracker waits for the row lock
            await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                    "select count(*) from pg_stat_activity where wait_event_type = 'Lock' "
                    // the statement's start: pg_stat_activity keeps only its first 1 kB
                    + "and query like '%insert into srs_tracker %'").query(Long.class).single() > 0);
            flow = CompletableFuture.supplyAsync(() -> {
                List<Integer> statuses = new java.util.ArrayList<>();
                for (int i = 0; flowing.get(); i++) {
                    statuses.add(player("flow-" + (i % 5) + "-" + busy).post(
                            "/api/reviews", submission(other, rated("F" + i, 3))).status());
                }
                return statuses;
            });
            ApiClient.Response started = admin().post("/api/admin/srs/seasons/" + season + "/archive",
                                                      Map.of("confirm", true));
            assertThat(started.status()).isEqualTo(202);
            job = started.json().get("job_id").asText();
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                JsonNode status = admin().get("/api/admin/jobs/" + job).json();
                return "SUCCEEDED".equals(status.get("state").asText())
                       || status.path("message").asText().startsWith("Moving");
            });
            lock.rollback();
        } finally {
            flowing.set(false);
        }
        JsonNode result = awaitJobSucceeded(job).get("result");
        assertThat(result.get("records_archived").asLong()).isEqualTo(2);
        assertThat(flow.get(30, TimeUnit.SECONDS)).isNotEmpty().allMatch(status -> status == 200);
        awaitTracker(busy, other, 1); // the stuck review of the other season is applied once the lock goes
        assertThat(trackerRows(busy, other)).hasSize(2);
    }
}
