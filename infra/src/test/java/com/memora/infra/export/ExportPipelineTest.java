package com.memora.infra.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.memora.infra.axon.replay.ProjectionReplays;
import com.memora.infra.testsupport.IntegrationTest;
import com.memora.infra.testsupport.TestTokens;
import com.memora.projection.export.pipeline.DirtyPlans;
import com.memora.projection.export.pipeline.ExportBatch;
import com.memora.projection.export.pipeline.PublicationStates;
import com.memora.projection.export.pipeline.PublicationStatus;
import com.memora.projection.export.pipeline.SyncLog;
import com.memora.projection.export.pipeline.SyncLogEntry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

import static com.memora.infra.export.ExportFixture.plan;
import static org.assertj.core.api.Assertions.assertThat;

/** The plan export through the running service: content edited over HTTP, builds, the files on disk. */
class ExportPipelineTest extends IntegrationTest {

    @Autowired
    ProjectionReplays replays;
    @Autowired
    ExportBatch batch;
    @Autowired
    DirtyPlans dirtyPlans;
    @Autowired
    PublicationStates states;
    @Autowired
    SyncLog syncLog;

    private ExportFixture export;

    @BeforeEach
    void setUp() {
        export = new ExportFixture(api(TestTokens.editor()), api(TestTokens.admin()), replays, jdbc, batch,
                                   dirtyPlans, states, syncLog, dataDir().resolve("content"));
    }

    @Test
    void aNewPlanIsBuiltIntoEveryFileOfItsVisibleContent() {
        Map<String, String> ids = export.tree();
        String planId = export.plan(ids.get("subject"));

        SyncLogEntry entry = export.build(planId);

        assertThat(entry.status()).isEqualTo(PublicationStatus.LOCAL_ONLY);
        assertThat(export.files(planId)).containsExactlyInAnyOrder(
                plan(planId, "manifest.json"), plan(planId, "search_index.json"),
                plan(planId, "subjects/" + ids.get("subject") + ".json"),
                plan(planId, "units/" + ids.get("unit") + ".json"),
                plan(planId, "lessons/" + ids.get("lesson") + ".json"),
                plan(planId, "lessons/" + ids.get("lesson2") + ".json"));
        assertThat(entry.filesWritten()).isEqualTo(6);
        assertThat(entry.filesUnchanged()).isZero();
        assertThat(entry.filesDeleted()).isZero();
        assertThat(entry.finishedAt()).isAfterOrEqualTo(entry.startedAt());
        JsonNode manifest = export.json(plan(planId, "manifest.json"));
        assertThat(manifest.get("plan_id").asText()).isEqualTo(planId);
        assertThat(manifest.get("version").asLong()).isEqualTo(entry.buildNumber());
        assertThat(new String(export.bytes(plan(planId, "manifest.json")), StandardCharsets.UTF_8))
                .as("Arabic stays as it is").contains("\"title\": \"خطة\"");
        assertThat(export.state(planId).version()).isEqualTo(entry.buildNumber());

        JsonNode shown = export.editor.get("/api/plans/" + planId).json();
        assertThat(shown.get("build_status").asText()).isEqualTo("LOCAL_ONLY");
        assertThat(shown.get("version").asLong()).isEqualTo(entry.buildNumber());
    }

    @Test
    void aOneLessonEditRewritesOnlyTheFilesWhoseMeaningChanged() {
        Map<String, String> ids = export.tree();
        String planId = export.plan(ids.get("subject"));
        SyncLogEntry first = export.build(planId);
        Map<String, byte[]> before = export.contents(planId);

        ExportFixture.ok(export.editor.patch("/api/lessons/" + ids.get("lesson"), Map.of("title", "النهايات")));
        assertThat(export.editor.get("/api/plans/" + planId).json().get("build_status").asText())
                .isIn("QUEUED", "PROCESSING", "LOCAL_ONLY");
        SyncLogEntry second = export.build(planId);

        Map<String, byte[]> after = export.contents(planId);
        var rewritten = after.keySet().stream().filter(path -> !java.util.Arrays.equals(after.get(path),
                                                                                           before.get(path)))
                             .collect(Collectors.toSet());
        assertThat(rewritten).containsExactlyInAnyOrder(
                plan(planId, "lessons/" + ids.get("lesson") + ".json"),   // the lesson itself
                plan(planId, "lessons/" + ids.get("lesson2") + ".json"),  // its neighbour's navigation
                plan(planId, "units/" + ids.get("unit") + ".json"),       // the lesson summary
                plan(planId, "search_index.json"));                        // the search entry
        assertThat(second.filesWritten()).isEqualTo(4);
        assertThat(second.filesUnchanged()).isEqualTo(2);
        assertThat(second.buildNumber()).isGreaterThan(first.buildNumber());
        assertThat(export.json(plan(planId, "lessons/" + ids.get("lesson") + ".json")).get("version").asLong())
                .isEqualTo(second.buildNumber());
        assertThat(export.json(plan(planId, "manifest.json")).get("version").asLong())
                .as("an unchanged file keeps its bytes and its version").isEqualTo(first.buildNumber());
        assertThat(export.state(planId).version()).isEqualTo(second.buildNumber());
    }
}
