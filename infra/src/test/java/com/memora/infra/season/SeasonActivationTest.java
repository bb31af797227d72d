package com.memora.infra.season;

import com.fasterxml.jackson.databind.JsonNode;
import com.memora.infra.testsupport.ApiClient;
import com.memora.infra.testsupport.Ids;
import com.memora.infra.testsupport.IntegrationTest;
import com.memora.infra.testsupport.TestTokens;
import com.memora.projection.srs.SeasonPartitionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Decisions S1 and S5 on real PostgreSQL: one active season, and a tracker partition per season. */
class SeasonActivationTest extends IntegrationTest {

    @Autowired
    EventProcessingConfiguration processing;

    private ApiClient editor() {
        return api(TestTokens.editor());
    }

    private String create(boolean active) {
        String id = Ids.season();
        ApiClient.Response response = editor().post("/api/seasons", Map.of(
                "id", id, "title", "S " + id, "start_date", "2026-09-01", "end_date", "2027-06-30",
                "is_active", active));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return id;
    }

    private List<String> activeInRegistry() {
        return jdbc.sql("select season_id from season_registry where active").query(String.class).list();
    }

    private List<String> eventTypes(String seasonId) {
        return jdbc.sql("select payload_type from domain_event_entry where aggregate_identifier = ? "
                        + "order by sequence_number")
                   .param("season:" + seasonId).query(String.class).list();
    }

    /**
     * The season's latest deactivation. Not simply its last event: the partition manager records the season's
     * partition asynchronously, and that event may come after.
     */
    private String deactivation(String seasonId) {
        return new String(jdbc.sql("select payload from domain_event_entry where aggregate_identifier = ? "
                                   + "and payload_type like '%SeasonDeactivatedEvent' "
                                   + "order by sequence_number desc limit 1")
                              .param("season:" + seasonId).query(byte[].class).single());
    }

    @Test
    void activatingASeasonDeactivatesTheActiveOneAsAnEvent() {
        String first = create(true);
        String second = create(false);
        assertThat(activeInRegistry()).containsExactly(first);

        assertThat(editor().patch("/api/seasons/" + second, Map.of("is_active", true)).status()).isEqualTo(200);

        assertThat(activeInRegistry()).containsExactly(second);
        assertThat(deactivation(first)).contains("\"replacedBy\":\"" + second + "\"");
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() -> {
            assertThat(editor().get("/api/seasons/" + first).json().get("is_active").asBoolean()).isFalse();
            assertThat(editor().get("/api/seasons/" + second).json().get("is_active").asBoolean()).isTrue();
        });

        // creating an active season takes over too
        String third = create(true);
        assertThat(activeInRegistry()).containsExactly(third);
        assertThat(deactivation(second)).contains("\"replacedBy\":\"" + third + "\"");
    }

    @Test
    void anActivationThatFailsLeavesTheActiveSeasonActive() {
        String active = create(true);
        String other = create(false);
        editor().patch("/api/seasons/" + other, Map.of("auto_archive", true));
        ApiClient.Response refused = editor().patch("/api/seasons/" + other, Map.of("is_active", true));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(activeInRegistry()).containsExactly(active);
        assertThat(eventTypes(active)).noneMatch(type -> type.endsWith("SeasonDeactivatedEvent"));
    }

    @Test
    void concurrentActivationsLeaveExactlyOneActiveSeasonAndNoConflict() throws Exception {
        List<String> seasons = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            seasons.add(create(false));
        }
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Integer>> activations = seasons.stream()
                    .<Callable<Integer>>map(id -> () -> editor().patch("/api/seasons/" + id,
                                                                        Map.of("is_active", true)).status())
                    .toList();
            for (Future<Integer> status : pool.invokeAll(activations)) {
                assertThat(status.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdown();
        }
        List<String> active = activeInRegistry();
        assertThat(active).hasSize(1);
        assertThat(seasons).contains(active.get(0));
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() -> {
            long activeInReadModel = seasons.stream()
                    .filter(id -> editor().get("/api/seasons/" + id).json().get("is_active").asBoolean()).count();
            assertThat(activeInReadModel).isEqualTo(1);
        });
    }

    @Test
    void aNewSeasonGetsItsTrackerPartitionWithinSecondsAsAnEvent() {
        String id = create(false);
        String partition = "p_" + id.toLowerCase().replace('-', '_');
        JsonNode season = await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(
                () -> editor().get("/api/seasons/" + id).json(), json -> json.get("partition_created").asBoolean());
        assertThat(season.get("id").asText()).isEqualTo(id);
        assertThat(jdbc.sql("""
                            select parent.relname from pg_inherits
                            join pg_class child on child.oid = inhrelid join pg_class parent on parent.oid = inhparent
                            where child.relname = ?
                            """).param(partition).query(String.class).single()).isEqualTo("srs_tracker");
        assertThat(eventTypes(id)).last().asString().endsWith("SeasonPartitionCreatedEvent");
        assertThat(jdbc.sql("select partition_created from season_registry where season_id = ?").param(id)
                       .query(Boolean.class).single()).isTrue();
    }

    @Test
    void aPartitionThatCannotBeCreatedAlertsAdminsAndIsRetried() {
        String id = Ids.season();
        String partition = "p_" + id.toLowerCase().replace('-', '_');
        jdbc.sql("create table " + partition + " (note text)").update(); // squats on the partition's name
        try {
            editor().post("/api/seasons", Map.of("id", id, "title", "Blocked", "start_date", "2026-09-01",
                                                 "end_date", "2027-06-30"));
            JsonNode alert = await().atMost(Duration.ofSeconds(10)).until(
                    () -> notification(id), json -> json != null);
            assertThat(alert.get("severity").asText()).isEqualTo("CRITICAL");
            assertThat(alert.get("message").asText()).contains(partition).contains("not a partition");
            assertThat(jdbc.sql("select partition_created from season_registry where season_id = ?").param(id)
                           .query(Boolean.class).single()).isFalse();
        } finally {
            jdbc.sql("drop table if exists " + partition).update();
        }
        // the parked event is tried again (every minute in production; here at once)
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> {
            processing.sequencedDeadLetterProcessor(SeasonPartitionManager.PROCESSING_GROUP)
                      .ifPresent(parked -> parked.processAny());
            return editor().get("/api/seasons/" + id).json().get("partition_created").asBoolean();
        });
    }

    private JsonNode notification(String seasonId) {
        for (JsonNode notification : api(TestTokens.admin())
                .get("/api/admin/notifications?kind=" + SeasonPartitionManager.ALERT_KIND).json()
                .get("notifications")) {
            if (notification.get("subject").asText().equals(seasonId)) {
                return notification;
            }
        }
        return null;
    }
}
