package com.memora.infra.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.memora.infra.testsupport.Ids;
import com.memora.infra.testsupport.IntegrationTest;
import com.memora.projection.export.pipeline.ExportBatch;
import com.memora.projection.export.pipeline.PublicationStatus;
import com.memora.projection.export.pipeline.SyncLogEntry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static com.memora.infra.export.ExportFixture.plan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The plan export through the running service: content edited over HTTP, builds, the files on disk. */
class ExportPipelineTest extends IntegrationTest {

    @Autowired
    ExportBatch batch;

    private ExportFixture export;

    @BeforeEach
    void setUp() {
        export = exportFixture();
    }

    @Test
    void aNewPlanIsBuiltIntoEveryFileOfItsVisibleContent() {
        Map<String, String> ids = export.tree();
        String planId = export.planOf(ids.get("subject"));

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
        String planId = export.planOf(ids.get("subject"));
        SyncLogEntry first = export.build(planId);
        Map<String, byte[]> before = export.contents(planId);

        ExportFixture.ok(export.editor.patch("/api/lessons/" + ids.get("lesson"), Map.of("title", "النهايات")));
        assertThat(export.editor.get("/api/plans/" + planId).json().get("build_status").asText())
                .isIn("QUEUED", "PROCESSING", "LOCAL_ONLY");
        SyncLogEntry second = export.build(planId);

        Map<String, byte[]> after = export.contents(planId);
        var rewritten = after.keySet().stream().filter(path -> !Arrays.equals(after.get(path),
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

    @Test
    void aRebuildWithoutChangesWritesNothingButTheBuildNumberStillGrows() {
        Map<String, String> ids = export.tree();
        String planId = export.planOf(ids.get("subject"));
        SyncLogEntry first = export.build(planId);
        Map<String, byte[]> before = export.contents(planId);

        assertThat(export.admin.post("/api/admin/export/plans/" + planId + "/rebuild", null).status())
                .isEqualTo(202);
        SyncLogEntry again = export.build(planId);

        assertThat(again.id()).isNotEqualTo(first.id());
        assertThat(again.filesWritten()).isZero();
        assertThat(again.filesUnchanged()).isEqualTo(6);
        assertThat(again.buildNumber()).isGreaterThan(first.buildNumber());
        assertThat(export.contents(planId)).allSatisfy(
                (path, bytes) -> assertThat(bytes).as(path).isEqualTo(before.get(path)));
        assertThat(export.state(planId).version()).as("nothing changed: the published version stays")
                                                  .isEqualTo(first.buildNumber());
    }

    @Test
    void theBuildNumberGrowsEvenWhenTheClockSaysOtherwise() {
        Map<String, String> ids = export.tree();
        String planId = export.planOf(ids.get("subject"));
        SyncLogEntry first = export.build(planId);

        clock.freezeAt(Instant.parse("2020-01-01T00:00:00Z"));
        ExportFixture.ok(export.editor.patch("/api/lessons/" + ids.get("lesson"), Map.of("title", "Earlier")));
        SyncLogEntry second = export.build(planId);

        assertThat(second.buildNumber()).isEqualTo(first.buildNumber() + 1);
        assertThat(export.json(plan(planId, "lessons/" + ids.get("lesson") + ".json")).get("generated_at").asText())
                .isEqualTo("2020-01-01T00:00:00+00:00");
    }

    @Test
    void overridesChangeOnlyTheirOwnPlan() {
        Map<String, String> ids = export.tree(Map.of("required_item", "ITEM-S"));
        String dlc = export.create("tracks", Map.of("id", Ids.node("DLC"),
                                                    "title", "Exam pack", "is_published", true,
                                                    "parent_subject", ids.get("subject"),
                                                    "required_item", "ITEM-DLC", "parent_item_required", true,
                                                    "sort_order", 2));
        String hiddenUnit = export.create("units", ExportFixture.published(Ids.node("U"),
                                                                            "Hidden", "parent_track", dlc));
        String withOverrides = export.planOf(ids.get("subject"));
        String plain = export.planOf(ids.get("subject"));
        export.override(withOverrides, "Unit", hiddenUnit, "Hide", null);
        export.override(withOverrides, "Lesson", ids.get("lesson"), "Rename", "درس جديد");
        export.override(withOverrides, "Topic", ids.get("topic"), "Set Free", null);
        export.override(withOverrides, "Track", dlc, "Set Sold Separately", null);

        export.build(withOverrides);
        export.build(plain);

        String lesson = "lessons/" + ids.get("lesson") + ".json";
        String unit = "units/" + ids.get("unit") + ".json";
        String subject = "subjects/" + ids.get("subject") + ".json";
        // Hide: the unit and its sub-tree vanish from every file of that plan only
        assertThat(export.exists(plan(withOverrides, "units/" + hiddenUnit + ".json"))).isFalse();
        assertThat(export.exists(plan(plain, "units/" + hiddenUnit + ".json"))).isTrue();
        assertThat(export.json(plan(withOverrides, subject)).toString()).doesNotContain(hiddenUnit);
        // Rename: in the lesson, the unit's summary, the neighbour's navigation and the search index
        assertThat(export.json(plan(withOverrides, lesson)).get("title").asText()).isEqualTo("درس جديد");
        assertThat(export.json(plan(withOverrides, unit)).toString()).contains("درس جديد");
        assertThat(export.json(plan(withOverrides, "lessons/" + ids.get("lesson2") + ".json"))
                         .at("/navigation/previous_lesson/title").asText()).isEqualTo("درس جديد");
        assertThat(export.json(plan(withOverrides, "search_index.json")).toString()).contains("درس جديد");
        assertThat(export.json(plan(plain, lesson)).get("title").asText()).isEqualTo("Lesson " + ids.get("lesson"));
        // Set Free: the topic and its lessons become free previews
        assertThat(export.json(plan(withOverrides, lesson)).at("/access/access_level").asText())
                .isEqualTo("free_preview");
        assertThat(export.json(plan(plain, lesson)).at("/access/access_level").asText()).isEqualTo("paid");
        assertThat(export.json(plan(plain, lesson)).at("/access/required_item").asText()).isEqualTo("ITEM-S");
        // Set Sold Separately: the track is a DLC in that plan only
        JsonNode soldSeparately = track(export.json(plan(withOverrides, subject)), dlc);
        JsonNode bundled = track(export.json(plan(plain, subject)), dlc);
        assertThat(soldSeparately.at("/access/is_sold_separately").asBoolean()).isTrue();
        assertThat(soldSeparately.at("/access/parent_item_required").asBoolean()).isFalse();
        assertThat(bundled.at("/access/is_sold_separately").asBoolean()).isFalse();
        assertThat(bundled.at("/access/parent_item_required").asBoolean()).isTrue();

        // taking an override back is a change of that plan: the next build restores the hidden unit
        String hideId = export.editor.get("/api/plans/" + withOverrides).json().get("overrides").findValues("id")
                                     .stream().map(JsonNode::asText).findFirst().orElseThrow();
        ExportFixture.ok(export.editor.delete("/api/plans/" + withOverrides + "/overrides/" + hideId));
        export.build(withOverrides);
        assertThat(export.exists(plan(withOverrides, "units/" + hiddenUnit + ".json"))).isTrue();
    }

    private static JsonNode track(JsonNode subjectFile, String trackId) {
        for (JsonNode track : subjectFile.get("tracks")) {
            if (track.get("id").asText().equals(trackId)) {
                return track;
            }
        }
        throw new AssertionError("no track " + trackId + " in " + subjectFile);
    }

    @Test
    void aMoveUpdatesThePlansOfBothSubjects() {
        Map<String, String> from = export.tree();
        Map<String, String> to = export.tree();
        String planFrom = export.planOf(from.get("subject"));
        String planTo = export.planOf(to.get("subject"));
        export.build(planFrom);
        export.build(planTo);
        String unit = "units/" + from.get("unit") + ".json";
        assertThat(export.exists(plan(planFrom, unit))).isTrue();

        ExportFixture.ok(export.editor.patch("/api/units/" + from.get("unit"),
                                             Map.of("parent_track", to.get("track"))));
        export.awaitCaughtUp();
        assertThat(export.pending(planFrom)).as("the old subject's plan").isTrue();
        assertThat(export.pending(planTo)).as("the new subject's plan").isTrue();
        SyncLogEntry left = export.build(planFrom);
        export.build(planTo);

        assertThat(export.exists(plan(planFrom, unit))).isFalse();
        assertThat(export.exists(plan(planFrom, "lessons/" + from.get("lesson") + ".json"))).isFalse();
        assertThat(left.filesDeleted()).as("unit and both lessons left the plan").isEqualTo(3);
        assertThat(export.json(plan(planFrom, "subjects/" + from.get("subject") + ".json")).toString())
                .doesNotContain(from.get("unit"));
        assertThat(export.exists(plan(planTo, unit))).isTrue();
        assertThat(export.json(plan(planTo, "lessons/" + from.get("lesson") + ".json")).at("/parent/subject_id")
                         .asText()).isEqualTo(to.get("subject"));
    }

    @Test
    void trashingANodeRemovesItsFilesFromEveryPlanAtOnceAndRestoreBringsThemBack() {
        Map<String, String> ids = export.tree();
        String one = export.planOf(ids.get("subject"));
        String two = export.planOf(ids.get("subject"));
        export.build(one);
        export.build(two);
        String unit = "units/" + ids.get("unit") + ".json";
        String lesson = "lessons/" + ids.get("lesson") + ".json";

        ExportFixture.ok(export.editor.delete("/api/units/" + ids.get("unit")));

        // no batch runs here: the removal follows the trash's commit (F8)
        await().atMost(Duration.ofSeconds(15)).until(
                () -> !export.exists(plan(one, unit)) && !export.exists(plan(two, unit))
                      && !export.exists(plan(one, lesson)) && !export.exists(plan(two, lesson)));
        assertThat(export.exists(plan(one, "manifest.json"))).as("the rest stays until the build").isTrue();
        assertThat(export.pending(one)).isTrue();
        export.build(one);
        assertThat(export.json(plan(one, "subjects/" + ids.get("subject") + ".json")).toString())
                .doesNotContain(ids.get("unit"));
        assertThat(export.json(plan(one, "search_index.json")).get("total_lessons").asInt()).isZero();

        ExportFixture.ok(export.editor.post("/api/units/" + ids.get("unit") + "/restore", null));
        export.build(one);
        assertThat(export.exists(plan(one, unit))).isTrue();
        assertThat(export.exists(plan(one, lesson))).isTrue();
        assertThat(export.json(plan(one, "search_index.json")).get("total_lessons").asInt()).isEqualTo(2);
    }

    @Test
    void aPermanentDeleteRemovesTheFileAtOnceAndTheNextBuildUnlinksIt() {
        Map<String, String> ids = export.tree();
        String planId = export.planOf(ids.get("subject"));
        export.build(planId);
        String lesson = plan(planId, "lessons/" + ids.get("lesson2") + ".json");

        ExportFixture.ok(export.admin.delete("/api/lessons/" + ids.get("lesson2") + "?permanent=true&confirm=true"));
        await().atMost(Duration.ofSeconds(15)).until(() -> !export.exists(lesson));
        export.build(planId);

        assertThat(export.json(plan(planId, "units/" + ids.get("unit") + ".json")).toString())
                .doesNotContain(ids.get("lesson2"));
        assertThat(export.json(plan(planId, "lessons/" + ids.get("lesson") + ".json")).get("navigation").size())
                .as("no next lesson any more").isZero();
    }

    @Test
    void aTrashedPlanLeavesAtOnceAndARestoredOneIsBuiltAgain() {
        Map<String, String> ids = export.tree();
        String planId = export.planOf(ids.get("subject"));
        export.build(planId);
        assertThat(export.files(planId)).hasSize(6);

        ExportFixture.ok(export.editor.delete("/api/plans/" + planId));
        await().atMost(Duration.ofSeconds(15)).until(() -> !export.exists("plans/" + planId));

        ExportFixture.ok(export.editor.post("/api/plans/" + planId + "/restore", null));
        SyncLogEntry rebuilt = export.build(planId);
        assertThat(rebuilt.filesWritten()).isEqualTo(6);
        assertThat(export.files(planId)).hasSize(6);
    }

    @Test
    void unpublishingASubjectEmptiesThePlanAtTheNextBuild() {
        Map<String, String> ids = export.tree();
        String planId = export.planOf(ids.get("subject"));
        export.build(planId);

        ExportFixture.ok(export.editor.patch("/api/subjects/" + ids.get("subject"), Map.of("is_published", false)));
        SyncLogEntry entry = export.build(planId);

        assertThat(entry.filesDeleted()).isEqualTo(4);
        assertThat(export.files(planId)).containsExactlyInAnyOrder(plan(planId, "manifest.json"),
                                                                   plan(planId, "search_index.json"));
        assertThat(export.json(plan(planId, "manifest.json")).get("subjects")).isEmpty();
    }

    @Test
    void readersPollingALessonWhileItIsRebuiltNeverSeeItMissingOrPartial() throws Exception {
        Map<String, String> ids = export.tree();
        String planId = export.planOf(ids.get("subject"));
        export.build(planId);
        Path lesson = export.path(plan(planId, "lessons/" + ids.get("lesson") + ".json"));
        AtomicBoolean done = new AtomicBoolean();
        AtomicInteger reads = new AtomicInteger();
        List<String> problems = Collections.synchronizedList(new ArrayList<>());
        Thread reader = new Thread(() -> {
            ObjectMapper json = new ObjectMapper();
            while (!done.get()) {
                try {
                    json.readTree(Files.readAllBytes(lesson));
                    reads.incrementAndGet();
                } catch (IOException e) {
                    problems.add(e.toString());
                }
            }
        });
        reader.start();
        try {
            for (int edit = 0; edit < 8; edit++) {
                ExportFixture.ok(export.editor.patch("/api/lessons/" + ids.get("lesson"),
                                                     Map.of("title", "Version " + edit)));
                export.build(planId);
            }
        } finally {
            done.set(true);
            reader.join();
        }
        assertThat(problems).isEmpty();
        assertThat(reads.get()).isPositive();
        assertThat(export.json(plan(planId, "lessons/" + ids.get("lesson") + ".json")).get("title").asText())
                .isEqualTo("Version 7");
    }
}
