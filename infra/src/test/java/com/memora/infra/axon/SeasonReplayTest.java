package com.memora.infra.axon;

import com.fasterxml.jackson.databind.JsonNode;
import com.memora.infra.testsupport.ApiClient;
import com.memora.infra.testsupport.Ids;
import com.memora.infra.testsupport.IntegrationTest;
import com.memora.infra.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class SeasonReplayTest extends IntegrationTest {

    private List<Map<String, Object>> seasonTable() {
        return jdbc.sql("select * from season_view order by id").query().listOfRows();
    }

    /** Until the projection has processed every event stored so far and no replay is running. */
    private void awaitCaughtUp(ApiClient admin) {
        long head = jdbc.sql("select max(global_index) from domain_event_entry").query(Long.class).single();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            JsonNode status = admin.get("/api/admin/replay/seasons").json();
            return !status.get("replaying").asBoolean() && status.get("caught_up").asBoolean()
                   && status.get("position").asLong() >= head;
        });
    }

    @Test
    void aReplayWipesTheSeasonReadModelAndRebuildsItIdentically() {
        ApiClient editor = api(TestTokens.editor());
        ApiClient admin = api(TestTokens.admin());
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String id = Ids.season();
            ids.add(id);
            editor.post("/api/seasons", Map.of("id", id, "title", "S" + i, "start_date", "2026-01-0" + (i + 1),
                                               "end_date", "2026-12-31"));
            editor.patch("/api/seasons/" + id, Map.of("title", "Renamed " + i, "enable_redis", i % 2 == 0));
        }
        // creating a season also records its review partition, a little later (an event of its own; the
        // registry is written with that event, so once it says so the event is stored)
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "select count(*) from season_registry where season_id in (:ids) and partition_created")
                .param("ids", ids).query(Long.class).single() == ids.size());
        awaitCaughtUp(admin);
        List<Map<String, Object>> before = seasonTable();
        assertThat(before).hasSizeGreaterThanOrEqualTo(5);
        // what a replay must not keep: a row no event made, and a row that differs from its events
        String stray = Ids.season();
        jdbc.sql("""
                 insert into season_view
                 select (jsonb_populate_record(null::season_view, to_jsonb(s) || jsonb_build_object('id', ?))).*
                 from season_view s where id = ?
                 """).params(stray, ids.get(0)).update();
        jdbc.sql("update season_view set title = 'CORRUPTED', active = not active where id = ?").param(ids.get(1))
            .update();
        assertThat(seasonTable()).isNotEqualTo(before);

        ApiClient.Response started = admin.post("/api/admin/replay/seasons", null);
        assertThat(started.status()).isEqualTo(202);
        assertThat(started.json().get("processing_group").asText()).isEqualTo("seasons");
        assertThat(started.json().get("head").asLong()).isPositive();

        awaitCaughtUp(admin);
        assertThat(jdbc.sql("select count(*) from season_view where id = ?").param(stray).query(Long.class)
                       .single()).as("the stray row is wiped").isZero();
        assertThat(seasonTable()).isEqualTo(before);
    }

    @Test
    void aReplayIsRefusedWhileAnotherNodeHoldsASegment() {
        ApiClient admin = api(TestTokens.admin());
        jdbc.sql("insert into token_entry (processor_name, segment, owner, timestamp) values (?, 7, ?, ?)")
            .params("seasons", "other-node", Instant.now().toString()).update();
        try {
            ApiClient.Response refused = admin.post("/api/admin/replay/seasons", null);
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.json().get("detail").asText()).contains("other-node");
            assertThat(admin.get("/api/admin/replay/seasons").json().get("other_nodes").get(0).asText())
                    .isEqualTo("other-node");
        } finally {
            jdbc.sql("delete from token_entry where processor_name = ? and segment = 7").param("seasons").update();
        }
    }

    @Test
    void anUnknownProjectionIs404AndOnlyAdminsMayReplay() {
        assertThat(api(TestTokens.admin()).post("/api/admin/replay/nope", null).status()).isEqualTo(404);
        assertThat(api(TestTokens.editor()).post("/api/admin/replay/seasons", null).status()).isEqualTo(403);
    }
}
