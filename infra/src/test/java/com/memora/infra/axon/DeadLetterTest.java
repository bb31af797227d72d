package com.memora.infra.axon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.memora.infra.testsupport.ApiClient;
import com.memora.infra.testsupport.Ids;
import com.memora.infra.testsupport.IntegrationTest;
import com.memora.infra.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class DeadLetterTest extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    FailingTestProjection projection;

    @Autowired
    DeadLetterRetrier retrier;

    private long parkedPoison(String seasonId) {
        return jdbc.sql("select count(*) from dead_letter_entry where processing_group = ? "
                        + "and aggregate_identifier = ?")
                   .params(FailingTestProjection.GROUP, "season:" + seasonId).query(Long.class).single();
    }

    @Test
    void aFailingEventIsParkedNotSkippedAndRecoveredByARetry() {
        ApiClient editor = api(TestTokens.editor());
        String poison = Ids.season();
        String healthy = Ids.season();
        editor.post("/api/seasons", Map.of("id", poison, "title", "POISON", "start_date", "2026-01-01",
                                           "end_date", "2026-12-31"));
        editor.post("/api/seasons", Map.of("id", healthy, "title", "fine", "start_date", "2026-01-01",
                                           "end_date", "2026-12-31"));

        await().atMost(Duration.ofSeconds(15)).until(() -> projection.handled.contains(healthy));
        await().atMost(Duration.ofSeconds(15)).until(() -> parkedPoison(poison) == 1);
        assertThat(projection.handled).doesNotContain(poison);
        String cause = jdbc.sql("select cause_message from dead_letter_entry where aggregate_identifier = ?")
                           .param("season:" + poison).query(String.class).single();
        assertThat(cause).contains("cannot handle " + poison);

        assertThat(retrier.retry(FailingTestProjection.GROUP)).isZero();
        assertThat(parkedPoison(poison)).isEqualTo(1);

        projection.healed = true;
        try {
            assertThat(retrier.retry(FailingTestProjection.GROUP)).isEqualTo(1);
            assertThat(projection.handled).contains(poison);
            assertThat(parkedPoison(poison)).isZero();
        } finally {
            projection.healed = false;
        }
    }

    /**
     * A handler whose SQL fails aborts PostgreSQL's transaction; its savepoint keeps the batch usable, so the event is
     * parked like any other failure (not retried forever with the projection stopped), its own writes are undone
     * whole, and the events after it are handled and committed.
     */
    @Test
    void anEventWhoseSqlFailsIsParkedWithItsWritesUndoneAndTheProjectionGoesOn() {
        jdbc.sql("create table if not exists " + FailingTestProjection.MARKS + " (season_id text primary key)")
            .update();
        ApiClient editor = api(TestTokens.editor());
        String poison = Ids.season();
        String before = Ids.season();
        String after = Ids.season();
        for (String[] season : new String[][]{{before, "SQL fine"}, {poison, "SQL-POISON"}, {after, "SQL fine"}}) {
            editor.post("/api/seasons", Map.of("id", season[0], "title", season[1], "start_date", "2026-01-01",
                                               "end_date", "2026-12-31"));
        }

        await().atMost(Duration.ofSeconds(15)).until(() -> parkedPoison(poison) == 1);
        await().atMost(Duration.ofSeconds(15)).until(() -> marks().containsAll(List.of(before, after)));
        assertThat(marks()).as("the failed handler's insert went with its savepoint").doesNotContain(poison);
        String cause = jdbc.sql("select cause_message from dead_letter_entry where aggregate_identifier = ?")
                           .param("season:" + poison).query(String.class).single();
        assertThat(cause).containsIgnoringCase("division by zero");

        projection.healed = true;
        try {
            assertThat(retrier.retry(FailingTestProjection.GROUP)).isEqualTo(1);
            assertThat(marks()).contains(poison);
            assertThat(parkedPoison(poison)).isZero();
        } finally {
            projection.healed = false;
        }
    }

    private List<String> marks() {
        return jdbc.sql("select season_id from " + FailingTestProjection.MARKS).query(String.class).list();
    }

    private JsonNode parkedAlerts(ApiClient admin) {
        JsonNode all = admin.get("/api/admin/notifications?kind=events-parked&limit=500").json().get("notifications");
        List<JsonNode> ours = new ArrayList<>();
        all.forEach(alert -> {
            if (alert.get("subject").asText().equals("Events parked in projection " + FailingTestProjection.GROUP)) {
                ours.add(alert);
            }
        });
        return JSON.valueToTree(ours);
    }

    private JsonNode listed(ApiClient admin, String seasonId) {
        JsonNode letters = admin.get("/api/admin/dead-letters?group=" + FailingTestProjection.GROUP).json()
                                .get("dead_letters");
        for (JsonNode letter : letters) {
            if (letter.get("aggregate").asText().equals("season:" + seasonId)) {
                return letter;
            }
        }
        return null;
    }

    /**
     * A parked event is visible: an alert for its group (one, however many events are parked), its count in the
     * health details and the replay status, and the event itself in the dead-letter listing with why and how often
     * a retry failed.
     */
    @Test
    void aParkedEventRaisesOneAlertPerGroupAndIsListedForOperators() {
        ApiClient editor = api(TestTokens.editor());
        ApiClient admin = api(TestTokens.admin());
        String poison = Ids.season();
        editor.post("/api/seasons", Map.of("id", poison, "title", "POISON", "start_date", "2026-01-01",
                                           "end_date", "2026-12-31"));
        await().atMost(Duration.ofSeconds(15)).until(() -> parkedPoison(poison) == 1);

        // an earlier test's alert may still be open for the group: wait for it to tell of this poison
        JsonNode alerts = await().atMost(Duration.ofSeconds(10)).until(
                () -> parkedAlerts(admin),
                found -> found.size() > 0 && found.get(0).get("message").asText().contains(poison));
        assertThat(alerts.get(0).get("severity").asText()).isEqualTo("CRITICAL");
        assertThat(alerts.get(0).get("message").asText())
                .contains("SeasonCreatedEvent", "cannot handle " + poison,
                          "/api/admin/dead-letters?group=" + FailingTestProjection.GROUP);

        JsonNode letter = listed(admin, poison);
        assertThat(letter).as("listed").isNotNull();
        assertThat(letter.get("group").asText()).isEqualTo(FailingTestProjection.GROUP);
        assertThat(letter.get("event_type").asText()).isEqualTo("SeasonCreatedEvent");
        assertThat(letter.get("sequence").asText()).isNotBlank();
        assertThat(letter.get("cause").asText()).contains("IllegalStateException", "cannot handle " + poison);
        assertThat(letter.hasNonNull("enqueued_at")).isTrue();
        assertThat(letter.get("retries").asInt()).isZero();

        JsonNode health = admin.get("/actuator/health").json();
        assertThat(health.at("/components/eventProcessors/details/" + FailingTestProjection.GROUP + "/dead_letters")
                         .asLong()).isPositive();
        assertThat(admin.get("/api/admin/replay/" + FailingTestProjection.GROUP).json().get("dead_letters")
                        .asLong()).isPositive();

        // a failed retry is counted; the retry run raises the alert again, which only counts as a repeat
        int alertsBefore = parkedAlerts(admin).size();
        int occurrencesBefore = parkedAlerts(admin).get(0).get("occurrences").asInt();
        assertThat(retrier.retry(FailingTestProjection.GROUP)).isZero();
        retrier.alertForParkedEvents();
        assertThat(listed(admin, poison).get("retries").asInt()).isEqualTo(1);
        assertThat(parkedAlerts(admin).size()).as("one alert per group").isEqualTo(alertsBefore);
        assertThat(parkedAlerts(admin).get(0).get("occurrences").asInt()).isGreaterThan(occurrencesBefore);

        assertThat(admin.get("/api/admin/dead-letters?group=no-such-group").status()).isEqualTo(404);
        assertThat(editor.get("/api/admin/dead-letters").status()).isEqualTo(403);

        projection.healed = true;
        try {
            assertThat(retrier.retry(FailingTestProjection.GROUP)).isEqualTo(1);
            assertThat(listed(admin, poison)).as("recovered, no longer listed").isNull();
        } finally {
            projection.healed = false;
        }
    }
}
