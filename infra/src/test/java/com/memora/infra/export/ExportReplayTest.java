package com.memora.infra.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.memora.infra.testsupport.IntegrationTest;
import com.memora.projection.export.pipeline.BatchRun;
import com.memora.projection.export.pipeline.BuildTrigger;
import com.memora.projection.export.pipeline.DirtyPlans;
import com.memora.projection.export.pipeline.ExportBatch;
import com.memora.projection.export.pipeline.PlanBuildOutcome;
import com.memora.projection.export.pipeline.PlanExporter;
import com.memora.projection.export.pipeline.SyncLogEntry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replaying the content model (decisions R2, F6, issue point 9): builds pause while it runs, nothing published is
 * deleted on the way, and when it ends every plan is built once — into exactly the files it had.
 */
class ExportReplayTest extends IntegrationTest {

    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    ExportBatch batch;
    @Autowired
    PlanExporter exporter;
    @Autowired
    DirtyPlans dirtyPlans;

    private ExportFixture export;

    @BeforeEach
    void setUp() {
        export = exportFixture();
    }

    /** Two plans sharing a subject, with overrides, moves, trash and restore in their history. */
    private List<String> plansWithHistory() {
        Map<String, String> a = export.tree(Map.of("required_item", "ITEM-A"));
        Map<String, String> b = export.tree(Map.of("is_public", true));
        String one = export.planOf(a.get("subject"));
        String two = export.planOf(b.get("subject"), a.get("subject"));
        export.override(two, "Lesson", a.get("lesson"), "Rename", "اسم آخر");
        export.override(two, "Unit", b.get("unit"), "Set Free", null);
        ExportFixture.ok(export.editor.patch("/api/lessons/" + a.get("lesson2"), Map.of("parent_topic", b.get("topic"))));
        ExportFixture.ok(export.editor.delete("/api/topics/" + b.get("topic")));
        ExportFixture.ok(export.editor.post("/api/topics/" + b.get("topic") + "/restore", null));
        ExportFixture.ok(export.editor.patch("/api/lessons/" + a.get("lesson"), Map.of("title", "Edited")));
        export.build(one);
        export.build(two);
        return List.of(one, two);
    }

    @Test
    void whileTheModelReplaysNothingIsBuiltOrDeletedAndAfterwardsEachPlanIsBuiltOnceIntoTheSameBytes()
            throws Exception {
        List<String> plans = plansWithHistory();
        Map<String, Map<String, byte[]>> before = contents(plans);
        Map<String, Integer> entriesBefore = entries(plans);
        StreamingEventProcessor processor =
                processing.eventProcessor("content", StreamingEventProcessor.class).orElseThrow();

        processor.shutdownAsync().get(30, TimeUnit.SECONDS);
        try {
            processor.resetTokens(); // the reset empties the read model; the processor has not replayed anything yet
            assertThat(jdbc.sql("select count(*) from plan_view").query(Long.class).single()).isZero();
            dirtyPlans.mark(plans, "an edit arriving during the replay", false, clock.instant());

            BatchRun run = batch.runNow();
            PlanBuildOutcome direct = exporter.build(plans.get(0), BuildTrigger.MANUAL);

            assertThat(run.result()).isEqualTo(BatchRun.Result.PAUSED);
            assertThat(run.message()).contains("replaying");
            assertThat(direct.kind()).isEqualTo(PlanBuildOutcome.Kind.PAUSED_REPLAY);
            assertThat(contents(plans)).as("a reset never deletes published files")
                                       .usingRecursiveComparison().isEqualTo(before);
            assertThat(entries(plans)).isEqualTo(entriesBefore);
            JsonNode queue = export.admin.get("/api/admin/export/queue").json();
            assertThat(queue.at("/batch/replay_rebuild_owed").asBoolean()).isTrue();
            assertThat(queue.at("/batch/paused_reason").asText()).contains("replaying");
        } finally {
            processor.start();
        }

        for (String plan : plans) {
            export.build(plan);
        }
        for (String plan : plans) {
            List<SyncLogEntry> entries = export.logs(plan);
            assertThat(entries).as("one build of %s for the whole replay", plan)
                               .hasSize(entriesBefore.get(plan) + 1);
            SyncLogEntry rebuilt = entries.get(0);
            assertThat(rebuilt.trigger()).isEqualTo(BuildTrigger.REPLAY);
            assertThat(rebuilt.buildNumber()).as("the build number grows across the replay (F5)")
                                             .isGreaterThan(entries.get(1).buildNumber());
            assertThat(rebuilt.filesWritten()).as("same events, same files (F6)").isZero();
            assertThat(rebuilt.filesDeleted()).isZero();
        }
        assertThat(contents(plans)).usingRecursiveComparison().isEqualTo(before);
        assertThat(export.admin.get("/api/admin/export/queue").json().at("/batch/replay_rebuild_owed").asBoolean())
                .isFalse();
    }

    @Test
    void aReplayOfTheWholeStoreBuildsEveryPlanOnceNotOncePerEvent() {
        List<String> plans = plansWithHistory();
        Map<String, Map<String, byte[]>> before = contents(plans);
        long lastEntry = jdbc.sql("select coalesce(max(id), 0) from export_sync_log").query(Long.class).single();
        long events = jdbc.sql("select count(*) from domain_event_entry").query(Long.class).single();

        assertThat(export.admin.post("/api/admin/replay/content", null).status()).isEqualTo(202);
        export.awaitCaughtUp();
        for (String plan : plans) {
            export.build(plan);
        }

        List<String> rebuilt = jdbc.sql("select plan_id from export_sync_log where id > ? order by id")
                                   .param(lastEntry).query(String.class).list();
        Map<String, Long> buildsPerPlan = rebuilt.stream().collect(Collectors.groupingBy(p -> p,
                                                                                          Collectors.counting()));
        assertThat(events).isGreaterThan(buildsPerPlan.size());
        assertThat(buildsPerPlan).containsKeys(plans.toArray(String[]::new));
        assertThat(buildsPerPlan.values()).as("%s", buildsPerPlan).allMatch(count -> count == 1);
        assertThat(contents(plans)).usingRecursiveComparison().isEqualTo(before);
    }

    private Map<String, Map<String, byte[]>> contents(List<String> plans) {
        Map<String, Map<String, byte[]>> contents = new HashMap<>();
        plans.forEach(plan -> contents.put(plan, export.contents(plan)));
        contents.values().forEach(files -> assertThat(files).isNotEmpty());
        return contents;
    }

    private Map<String, Integer> entries(List<String> plans) {
        Map<String, Integer> entries = new HashMap<>();
        plans.forEach(plan -> entries.put(plan, export.logs(plan).size()));
        return entries;
    }
}
