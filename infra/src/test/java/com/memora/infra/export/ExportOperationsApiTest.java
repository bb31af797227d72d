package com.memora.infra.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.memora.infra.testsupport.ApiClient;
import com.memora.infra.testsupport.Ids;
import com.memora.infra.testsupport.IntegrationTest;
import com.memora.infra.testsupport.TestTokens;
import com.memora.projection.export.pipeline.ExportBatch;
import com.memora.projection.export.pipeline.ExportLocks;
import com.memora.projection.export.pipeline.SyncLogEntry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The export's operations endpoints (api.md "Operations") and the plan's build status in {@code GET /api/plans}. */
class ExportOperationsApiTest extends IntegrationTest {

    @Autowired
    ExportBatch batch;
    @Autowired
    ExportLocks locks;

    private ExportFixture export;
    private ApiClient admin;

    @BeforeEach
    void setUp() {
        admin = api(TestTokens.admin());
        export = exportFixture(admin);
    }

    @Test
    void theQueueShowsPendingPlansWithTheirLatestChangeAndThePlanSaysQueued() {
        Map<String, String> ids = export.tree();
        String plan = export.planOf(ids.get("subject"));
        try (ExportLocks.Held held = awaitLock(plan)) { // keeps every build of the plan waiting
            ExportFixture.ok(export.editor.patch("/api/lessons/" + ids.get("lesson"), Map.of("title", "Queued")));
            export.awaitCaughtUp();

            JsonNode queue = admin.get("/api/admin/export/queue").json();
            assertThat(queue.get("pending_plans").asLong()).isPositive();
            JsonNode entry = null;
            for (JsonNode pending : queue.get("pending")) {
                if (pending.get("plan_id").asText().equals(plan)) {
                    entry = pending;
                }
            }
            assertThat(entry).as("%s", queue).isNotNull();
            assertThat(entry.get("reason").asText()).isEqualTo("lesson '" + ids.get("lesson") + "' changed");
            assertThat(entry.get("changes").asInt()).isGreaterThanOrEqualTo(1);
            assertThat(entry.has("first_marked_at")).isTrue();
            assertThat(queue.at("/batch/interval_minutes").asInt()).isPositive();
            assertThat(queue.at("/batch/threshold").asInt()).isPositive();
            assertThat(queue.has("pending_removals")).isTrue();

            JsonNode shown = export.editor.get("/api/plans/" + plan).json();
            assertThat(shown.get("build_status").asText()).isEqualTo("QUEUED");
        }
        SyncLogEntry built = export.build(plan);
        JsonNode shown = export.editor.get("/api/plans/" + plan).json();
        assertThat(shown.get("build_status").asText()).isEqualTo("LOCAL_ONLY");
        assertThat(shown.get("version").asLong()).isEqualTo(built.buildNumber());
        assertThat(shown.has("last_built_at")).isTrue();
        assertThat(admin.get("/api/admin/export/queue").json().at("/last_run/started_at").isMissingNode()).isFalse();
    }

    @Test
    void logsListAPlansBuildsNewestFirstWithTheirFiguresAndFilters() {
        Map<String, String> ids = export.tree();
        String plan = export.planOf(ids.get("subject"));
        // an override of a node outside the plan's subjects cannot apply: a warning, not a failure
        export.override(plan, "Lesson", export.tree().get("lesson"), "Set Free", null);
        SyncLogEntry first = export.build(plan);
        ExportFixture.ok(export.editor.patch("/api/lessons/" + ids.get("lesson"), Map.of("title", "Second")));
        SyncLogEntry second = export.build(plan);

        JsonNode entries = admin.get("/api/admin/export/logs?plan=" + plan).json().get("entries");
        assertThat(entries.findValuesAsText("plan_id")).containsOnly(plan);
        assertThat(entries.get(0).get("id").asLong()).isEqualTo(second.id());
        assertThat(entries.get(entries.size() - 1).get("id").asLong()).isLessThanOrEqualTo(first.id());
        JsonNode newest = entries.get(0);
        assertThat(newest.get("status").asText()).isEqualTo("LOCAL_ONLY");
        assertThat(newest.get("files_written").asInt()).isEqualTo(4);
        assertThat(newest.get("files_unchanged").asInt()).isEqualTo(2);
        assertThat(newest.get("files_deleted").asInt()).isZero();
        assertThat(newest.get("build_number").asLong()).isEqualTo(second.buildNumber());
        assertThat(newest.get("node_id").asText()).isEqualTo("test-node");
        assertThat(newest.get("trigger").asText()).isIn("SCHEDULER", "THRESHOLD", "MANUAL");
        assertThat(newest.has("started_at") && newest.has("finished_at")).isTrue();
        assertThat(newest.get("warnings").toString()).contains("ACCESS_RULE_IGNORED");

        assertThat(admin.get("/api/admin/export/logs?plan=" + plan + "&limit=1").json().get("entries")).hasSize(1);
        assertThat(admin.get("/api/admin/export/logs?plan=" + plan + "&status=FAILED").json().get("entries"))
                .isEmpty();
        assertThat(admin.get("/api/admin/export/logs?status=LOCAL_ONLY&limit=5").json().get("entries")
                        .findValuesAsText("status")).containsOnly("LOCAL_ONLY");
    }

    @Test
    void badFiltersAreA400NamingTheParameter() {
        assertProblem(admin.get("/api/admin/export/logs?status=DONE"), 400, "status");
        assertProblem(admin.get("/api/admin/export/logs?plan=..%2Fetc"), 400, "plan");
        assertProblem(admin.get("/api/admin/export/logs?limit=0"), 400, "limit");
        assertProblem(admin.get("/api/admin/export/logs?limit=501"), 400, "limit");
        assertProblem(admin.get("/api/admin/export/logs?limit=many"), 400, "limit");
        assertProblem(admin.post("/api/admin/export/plans/a.b/rebuild", null), 400, "id");
    }

    @Test
    void aRebuildQueuesThePlanAndBuildsItWithoutWaitingForTheInterval() {
        Map<String, String> ids = export.tree();
        String plan = export.planOf(ids.get("subject"));
        SyncLogEntry first = export.build(plan);

        ApiClient.Response accepted = admin.post("/api/admin/export/plans/" + plan + "/rebuild", null);

        assertThat(accepted.status()).isEqualTo(202);
        assertThat(accepted.json().get("plan_id").asText()).isEqualTo(plan);
        assertThat(accepted.json().get("status").asText()).isEqualTo("QUEUED");
        assertThat(accepted.json().get("logs_url").asText()).isEqualTo("/api/admin/export/logs?plan=" + plan);
        // the rebuild starts a run itself: no scheduler, no call to the batch here
        SyncLogEntry rebuilt = await().atMost(Duration.ofSeconds(30)).until(
                () -> export.latestLog(plan).filter(entry -> entry.id() != first.id())
                            .filter(entry -> entry.status().finished()).orElse(null), Objects::nonNull);
        assertThat(rebuilt.trigger().name()).isEqualTo("MANUAL");
        assertThat(rebuilt.reason()).isEqualTo("rebuild requested by an operator");
    }

    @Test
    void onlyAnAdminRebuildsAndOnlyAPlanThatExistsOutsideTheTrash() {
        Map<String, String> ids = export.tree();
        String plan = export.planOf(ids.get("subject"));
        export.awaitCaughtUp();

        assertThat(export.editor.post("/api/admin/export/plans/" + plan + "/rebuild", null).status()).isEqualTo(403);
        assertThat(export.editor.get("/api/admin/export/queue").status()).isEqualTo(403);
        assertThat(export.editor.get("/api/admin/export/logs").status()).isEqualTo(403);
        assertThat(anonymous().get("/api/admin/export/queue").status()).isEqualTo(401);
        assertProblem(admin.post("/api/admin/export/plans/" + Ids.node("NOPE") + "/rebuild", null), 404, null);

        ExportFixture.ok(export.editor.delete("/api/plans/" + plan));
        await().atMost(Duration.ofSeconds(15)).until(
                () -> export.editor.get("/api/plans/" + plan).json().path("is_trashed").asBoolean());
        ApiClient.Response trashed = admin.post("/api/admin/export/plans/" + plan + "/rebuild", null);
        assertProblem(trashed, 409, null);
        assertThat(trashed.json().get("detail").asText()).contains("in the trash");
    }

    private ExportLocks.Held awaitLock(String plan) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> locks.tryLockPlan(plan).orElse(null),
                                                            Objects::nonNull);
    }

    private static void assertProblem(ApiClient.Response response, int status, String field) {
        assertThat(response.status()).as("%s", response).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        if (field != null) {
            assertThat(response.json().toString()).as("%s", response).contains("\"" + field + "\"");
        }
    }
}
