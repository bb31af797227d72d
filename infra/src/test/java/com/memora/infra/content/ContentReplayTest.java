package com.memora.infra.content;

import com.fasterxml.jackson.databind.JsonNode;
import com.memora.infra.axon.replay.ProjectionReplays;
import com.memora.infra.testsupport.ApiClient;
import com.memora.infra.testsupport.Ids;
import com.memora.infra.testsupport.IntegrationTest;
import com.memora.infra.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The content read model and the command-side lookups are derived data: a replay (read model) or a rebuild
 * (lookups) from the event store gives back exactly what was there.
 */
class ContentReplayTest extends IntegrationTest {

    private static final List<String> READ_MODEL = List.of(
            "select * from content_node order by kind, id",
            "select * from plan_view order by id",
            "select * from plan_subject_view order by plan_id, position",
            "select * from plan_override_view order by plan_id, override_id");
    private static final List<String> LOOKUPS = List.of(
            "select * from content_registry order by kind, id",
            "select * from plan_subject_registry order by plan_id, subject_id");

    @Autowired
    ProjectionReplays replays;

    private Map<String, List<Map<String, Object>>> snapshot(List<String> queries) {
        Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
        queries.forEach(query -> tables.put(query, jdbc.sql(query).query().listOfRows()));
        return tables;
    }

    /** Every kind of content and plan event, including moves, trash, restore and deletes. */
    /** @return the plan's id and, by kind, the ids of the sub-tree that stays in place */
    private Map<String, String> history(ApiClient editor, ApiClient admin, ContentApi content) {
        Map<String, String> a = content.tree();
        Map<String, String> b = content.tree();
        String season = Ids.season();
        ok(editor.post("/api/seasons", Map.of("id", season, "title", "S", "start_date", "2026-09-01",
                                              "end_date", "2027-06-30")));
        ok(editor.patch("/api/lessons/" + a.get("lesson"), Map.of("title", "Renamed", "is_published", true,
                                                                  "stages", List.of(Map.of("title", "Read",
                                                                                           "type", "Text")))));
        ok(editor.patch("/api/units/" + a.get("unit"), Map.of("parent_track", b.get("track"), "sort_order", 4)));
        ok(editor.delete("/api/topics/" + b.get("topic")));
        ok(editor.post("/api/topics/" + b.get("topic") + "/restore", null));
        ok(editor.delete("/api/lessons/" + b.get("lesson")));
        ok(admin.delete("/api/topics/" + a.get("topic") + "?permanent=true&confirm=true"));
        String plan = ok(editor.post("/api/plans", Map.of("title", "P", "season", season, "stream", "SCI",
                                                          "grade", "G12"))).json().get("id").asText();
        ok(editor.put("/api/plans/" + plan + "/subjects", List.of(Map.of("subject", a.get("subject"), "sort_order", 1),
                                                                  Map.of("subject", b.get("subject")))));
        ok(editor.post("/api/plans/" + plan + "/overrides", Map.of("target_type", "Unit", "target_id", a.get("unit"),
                                                                   "action", "Set Free")));
        ok(editor.post("/api/plans/" + plan + "/overrides", Map.of("id", "ren", "target_type", "Subject",
                                                                   "target_id", b.get("subject"), "action", "Rename",
                                                                   "value", "B")));
        ok(editor.delete("/api/plans/" + plan + "/overrides/ren"));
        ok(editor.delete("/api/plans/" + plan));
        ok(editor.post("/api/plans/" + plan + "/restore", null));
        Map<String, String> kept = new LinkedHashMap<>(b);
        kept.put("lesson", content.create("lessons", ContentApi.lesson(Ids.node("L"), b.get("topic"))));
        kept.put("plan", plan);
        return kept;
    }

    private static ApiClient.Response ok(ApiClient.Response response) {
        assertThat(response.status()).as("%s", response).isBetween(200, 299);
        return response;
    }

    @Test
    void aReplayRebuildsTheContentReadModelIdentically() {
        ApiClient editor = api(TestTokens.editor());
        ApiClient admin = api(TestTokens.admin());
        ContentApi content = new ContentApi(editor, replays, jdbc);
        Map<String, String> tree = history(editor, admin, content);
        String plan = tree.get("plan");
        content.awaitCaughtUp();
        Map<String, List<Map<String, Object>>> before = snapshot(READ_MODEL);
        assertThat(before.get(READ_MODEL.get(0))).hasSizeGreaterThanOrEqualTo(8);
        assertThat(replays.status("content").segments()).as("one segment (R1)").hasSize(1);
        // what a replay must not keep: rows no event made, rows that differ from their events, rows missing
        String stray = Ids.node("STRAY");
        jdbc.sql("""
                 insert into content_node
                 select (jsonb_populate_record(null::content_node, to_jsonb(n) || jsonb_build_object('id', ?))).*
                 from content_node n where kind = 'lesson' and id = ?
                 """).params(stray, tree.get("lesson")).update();
        jdbc.sql("update content_node set title = 'CORRUPTED', is_published = not is_published "
                 + "where kind = 'subject' and id = ?").param(tree.get("subject")).update();
        jdbc.sql("""
                 insert into plan_override_view
                 select (jsonb_populate_record(null::plan_override_view,
                                               to_jsonb(o) || jsonb_build_object('override_id', ?))).*
                 from plan_override_view o where plan_id = ? limit 1
                 """).params(stray, plan).update();
        jdbc.sql("delete from plan_subject_view where plan_id = ?").param(plan).update();
        assertThat(snapshot(READ_MODEL)).isNotEqualTo(before);

        ApiClient.Response started = admin.post("/api/admin/replay/content", null);
        assertThat(started.status()).isEqualTo(202);
        content.awaitCaughtUp();
        assertThat(jdbc.sql("select count(*) from content_node where id = ?").param(stray).query(Long.class)
                       .single()).as("the stray node is wiped").isZero();
        assertThat(snapshot(READ_MODEL)).isEqualTo(before);
    }

    @Test
    void aRebuildRestoresTheCommandSideLookupExactly() {
        ApiClient editor = api(TestTokens.editor());
        ApiClient admin = api(TestTokens.admin());
        ContentApi content = new ContentApi(editor, replays, jdbc);
        history(editor, admin, content);
        Map<String, List<Map<String, Object>>> before = snapshot(LOOKUPS);
        assertThat(before.get(LOOKUPS.get(0))).hasSizeGreaterThanOrEqualTo(8);
        jdbc.sql("update content_registry set state = 'ACTIVE', parent_id = null").update();
        jdbc.sql("delete from plan_subject_registry").update();

        ApiClient.Response started = admin.post("/api/admin/lookups/content-registry/rebuild", null);
        assertThat(started.status()).isEqualTo(202);
        String job = started.json().get("job_id").asText();
        JsonNode done = await().atMost(Duration.ofSeconds(30)).until(
                () -> admin.get("/api/admin/jobs/" + job).json(),
                status -> !status.get("state").asText().equals("RUNNING"));
        assertThat(done.get("state").asText()).as("%s", done).isEqualTo("SUCCEEDED");
        assertThat(done.at("/result/events_applied").asLong()).isPositive();
        assertThat(snapshot(LOOKUPS)).isEqualTo(before);

        assertThat(admin.post("/api/admin/lookups/seasons/rebuild", null).status())
                .as("only command-side lookups can be rebuilt this way").isEqualTo(404);
        assertThat(editor.post("/api/admin/lookups/content-registry/rebuild", null).status()).isEqualTo(403);
    }
}
