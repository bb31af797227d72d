package com.memora.infra.content;

import com.fasterxml.jackson.databind.JsonNode;
import com.memora.infra.axon.replay.ProjectionReplays;
import com.memora.infra.testsupport.ApiClient;
import com.memora.infra.testsupport.Ids;
import com.memora.infra.testsupport.IntegrationTest;
import com.memora.infra.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class PlanApiTest extends IntegrationTest {

    @Autowired
    ProjectionReplays replays;

    private ApiClient editor;
    private ApiClient admin;
    private ContentApi content;
    private String season;

    @BeforeEach
    void setUp() {
        editor = api(TestTokens.editor());
        admin = api(TestTokens.admin());
        content = new ContentApi(editor, replays, jdbc);
        season = Ids.season();
        assertThat(editor.post("/api/seasons", Map.of("id", season, "title", "S", "start_date", "2026-09-01",
                                                      "end_date", "2027-06-30")).status()).isEqualTo(201);
    }

    private String plan() {
        ApiClient.Response created = editor.post("/api/plans", Map.of("id", Ids.node("P"), "title", "Tawjihi Scientific",
                                                                      "season", season, "stream", "SCI",
                                                                      "grade", "G12"));
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        return created.json().get("id").asText();
    }

    private JsonNode awaitPlan(String id, Predicate<JsonNode> condition) {
        return await().atMost(Duration.ofSeconds(15)).until(() -> {
            ApiClient.Response response = editor.get("/api/plans/" + id);
            return response.status() == 200 ? response.json() : null;
        }, json -> json != null && condition.test(json));
    }

    @Test
    void aPlanWithSubjectsAndOverridesReadsBackWhole() {
        Map<String, String> math = content.tree();
        Map<String, String> art = content.tree();
        String plan = plan();
        ApiClient.Response subjects = editor.put("/api/plans/" + plan + "/subjects", List.of(
                Map.of("subject", art.get("subject"), "sort_order", 2),
                Map.of("subject", math.get("subject"), "sort_order", 1)));
        assertThat(subjects.status()).as("%s", subjects).isEqualTo(200);
        ApiClient.Response hide = editor.post("/api/plans/" + plan + "/overrides",
                                              Map.of("target_type", "Unit", "target_id", math.get("unit"),
                                                     "action", "Hide"));
        assertThat(hide.status()).isEqualTo(201);
        String hideId = hide.json().get("id").asText();
        assertThat(hide.headers().firstValue("Location")).hasValue("/api/plans/" + plan + "/overrides/" + hideId);
        assertThat(editor.post("/api/plans/" + plan + "/overrides",
                               Map.of("id", "rename-1", "target_type", "Lesson", "target_id", math.get("lesson"),
                                      "action", "Rename", "value", "النهايات")).status()).isEqualTo(201);

        // the read model reads a plan's subjects and overrides in two statements: wait until both are in
        JsonNode read = awaitPlan(plan, json -> json.get("overrides").size() == 2 && json.get("subjects").size() == 2);
        assertThat(read.get("title").asText()).isEqualTo("Tawjihi Scientific");
        assertThat(read.get("season").asText()).isEqualTo(season);
        assertThat(read.get("stream").asText()).isEqualTo("SCI");
        assertThat(read.get("subjects").findValuesAsText("subject"))
                .containsExactly(art.get("subject"), math.get("subject"));
        assertThat(read.get("subjects").get(0).get("sort_order").asInt()).isEqualTo(2);
        assertThat(read.at("/overrides/0/action").asText()).isEqualTo("Hide");
        assertThat(read.at("/overrides/0/target_type").asText()).isEqualTo("Unit");
        assertThat(read.at("/overrides/1/value").asText()).isEqualTo("النهايات");

        assertThat(editor.delete("/api/plans/" + plan + "/overrides/" + hideId).status()).isEqualTo(200);
        assertThat(editor.delete("/api/plans/" + plan + "/overrides/" + hideId).status()).isEqualTo(404);
        awaitPlan(plan, json -> json.get("overrides").size() == 1);

        editor.patch("/api/plans/" + plan, Map.of("title", "Scientific 12", "grade", "G12B"));
        JsonNode changed = awaitPlan(plan, json -> json.get("grade").asText().equals("G12B"));
        assertThat(changed.get("title").asText()).isEqualTo("Scientific 12");
        assertThat(changed.get("stream").asText()).isEqualTo("SCI");
    }

    @Test
    void aPlanNeedsAnExistingSeasonAndCodes() {
        ApiClient.Response noSeason = editor.post("/api/plans", Map.of("title", "T", "season", "SEASON-2099",
                                                                       "stream", "SCI", "grade", "G12"));
        assertThat(noSeason.status()).isEqualTo(400);
        assertThat(noSeason.json().get("field").asText()).isEqualTo("season");
        assertThat(noSeason.json().get("detail").asText()).contains("No season 'SEASON-2099'");

        ApiClient.Response blanks = editor.post("/api/plans", Map.of("title", "T", "season", season, "stream", " ",
                                                                     "grade", "grade twelve"));
        assertThat(blanks.status()).isEqualTo(400);
        assertThat(blanks.json().get("errors").findValuesAsText("field")).contains("stream");

        ApiClient.Response badCode = editor.post("/api/plans", Map.of("title", "T", "season", season,
                                                                      "stream", "SCI", "grade", "grade twelve"));
        assertThat(badCode.status()).isEqualTo(400);
        assertThat(badCode.json().get("field").asText()).isEqualTo("grade");
    }

    @Test
    void subjectsMustExistOutsideTheTrashAndAppearOnce() {
        Map<String, String> math = content.tree();
        Map<String, String> old = content.tree();
        editor.delete("/api/subjects/" + old.get("subject"));
        String plan = plan();
        ApiClient.Response refused = editor.put("/api/plans/" + plan + "/subjects", List.of(
                Map.of("subject", math.get("subject")), Map.of("subject", "NOPE"),
                Map.of("subject", old.get("subject"))));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").findValuesAsText("field")).containsExactly("[1].subject",
                                                                                           "[2].subject");
        ApiClient.Response twice = editor.put("/api/plans/" + plan + "/subjects", List.of(
                Map.of("subject", math.get("subject")), Map.of("subject", math.get("subject"))));
        assertThat(twice.status()).isEqualTo(400);
        assertThat(twice.json().get("field").asText()).isEqualTo("[1].subject");
        content.awaitCaughtUp();
        assertThat(editor.get("/api/plans/" + plan).json().get("subjects")).isEmpty();
    }

    @Test
    void overridesFollowTheirRules() {
        Map<String, String> math = content.tree();
        String dlc = content.create("tracks", Map.of("id", Ids.node("EXAM"), "title", "Exam pack",
                                                     "parent_subject", math.get("subject"),
                                                     "required_item", "ITEM-EXAM"));
        String plan = plan();
        String overrides = "/api/plans/" + plan + "/overrides";

        ApiClient.Response wrongType = editor.post(overrides, Map.of("target_type", "Track", "target_id",
                                                                     math.get("unit"), "action", "Hide"));
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.json().get("field").asText()).isEqualTo("target_id");

        ApiClient.Response noItem = editor.post(overrides, Map.of("target_type", "Track", "target_id",
                                                                  math.get("track"), "action",
                                                                  "Set Sold Separately"));
        assertThat(noItem.status()).isEqualTo(400);
        assertThat(noItem.json().get("field").asText()).isEqualTo("action");

        assertThat(editor.post(overrides, Map.of("target_type", "Track", "target_id", dlc, "action",
                                                 "Set Sold Separately")).status()).isEqualTo(201);
        ApiClient.Response again = editor.post(overrides, Map.of("target_type", "Track", "target_id", dlc,
                                                                 "action", "Set Sold Separately"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("type").asText()).isEqualTo("urn:memora:problem:override-duplicate");

        ApiClient.Response noValue = editor.post(overrides, Map.of("target_type", "Lesson", "target_id",
                                                                   math.get("lesson"), "action", "Rename"));
        assertThat(noValue.status()).isEqualTo(400);
        assertThat(noValue.json().get("field").asText()).isEqualTo("value");

        ApiClient.Response unknownAction = editor.post(overrides, Map.of("target_type", "Lesson", "target_id",
                                                                         math.get("lesson"), "action", "Delete"));
        assertThat(unknownAction.status()).isEqualTo(400);
        assertThat(unknownAction.json().get("detail").asText()).contains("Hide", "Rename", "Set Free",
                                                                         "Set Sold Separately");
        ApiClient.Response unknownType = editor.post(overrides, Map.of("target_type", "Stage", "target_id",
                                                                       math.get("lesson"), "action", "Hide"));
        assertThat(unknownType.status()).isEqualTo(400);
        assertThat(unknownType.json().get("field").asText()).isEqualTo("target_type");
        assertThat(editor.post("/api/plans/" + Ids.node("NOPE") + "/overrides",
                               Map.of("target_type", "Lesson", "target_id", math.get("lesson"), "action", "Hide"))
                         .status()).isEqualTo(404);
    }

    /** Every node of the tree is there, outside the trash, with its children, once the read model caught up. */
    private void assertWholeTree(Map<String, String> tree) {
        content.awaitCaughtUp();
        List<String> kinds = List.of("subject", "track", "unit", "topic", "lesson");
        for (int level = 0; level < kinds.size(); level++) {
            String kind = kinds.get(level);
            ApiClient.Response node = editor.get("/api/" + kind + "s/" + tree.get(kind));
            assertThat(node.status()).as("%s %s", kind, node).isEqualTo(200);
            assertThat(node.json().get("is_trashed").asBoolean()).as("%s trashed", kind).isFalse();
            if (level + 1 < kinds.size()) {
                List<String> children = new ArrayList<>();
                node.json().get("children").forEach(child -> children.add(child.asText()));
                assertThat(children).as("%s children", kind).containsExactly(tree.get(kinds.get(level + 1)));
            }
        }
        assertThat(editor.get("/api/lessons/" + tree.get("lesson")).json().get("stages")).hasSize(2);
    }

    @Test
    void aSubjectThatAPlanListsIsRefusedForGoodBeforeAnythingOfItsTreeIsDeleted() {
        Map<String, String> math = content.tree();
        String plan = plan();
        editor.put("/api/plans/" + plan + "/subjects", List.of(Map.of("subject", math.get("subject"))));
        ApiClient.Response listed = admin.delete("/api/subjects/" + math.get("subject")
                                                 + "?permanent=true&confirm=true");
        assertThat(listed.status()).isEqualTo(409);
        assertThat(listed.json().get("type").asText()).isEqualTo("urn:memora:problem:subject-in-plans");
        assertWholeTree(math);
    }

    @Test
    void trashRestoreAndPermanentDelete() {
        Map<String, String> math = content.tree();
        String plan = plan();
        editor.put("/api/plans/" + plan + "/subjects", List.of(Map.of("subject", math.get("subject"))));
        assertThat(editor.delete("/api/plans/" + plan).json().get("state").asText()).isEqualTo("trashed");
        awaitPlan(plan, json -> json.get("is_trashed").asBoolean());
        assertThat(editor.get("/api/plans?trashed=true").json().get("items").findValuesAsText("id")).contains(plan);

        ApiClient.Response stillListed = admin.delete("/api/subjects/" + math.get("subject")
                                                      + "?permanent=true&confirm=true");
        assertThat(stillListed.status()).as("a trashed plan still lists the subject").isEqualTo(409);
        assertThat(stillListed.json().get("detail").asText()).contains(plan);
        assertWholeTree(math);

        assertThat(editor.post("/api/plans/" + plan + "/restore", null).status()).isEqualTo(200);
        JsonNode restored = awaitPlan(plan, json -> !json.get("is_trashed").asBoolean());
        assertThat(restored.get("subjects")).hasSize(1);

        assertThat(editor.delete("/api/plans/" + plan + "?permanent=true&confirm=true").status()).isEqualTo(403);
        assertThat(admin.delete("/api/plans/" + plan + "?permanent=true").status()).isEqualTo(400);
        assertThat(admin.delete("/api/plans/" + plan + "?permanent=true&confirm=true").status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(15)).until(() -> editor.get("/api/plans/" + plan).status() == 404);
        assertThat(admin.delete("/api/subjects/" + math.get("subject") + "?permanent=true&confirm=true").status())
                .as("no plan lists it any more").isEqualTo(200);
    }
}
