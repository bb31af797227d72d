package com.memora.infra.content;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.memora.infra.axon.replay.ProjectionReplays;
import com.memora.infra.testsupport.ApiClient;
import com.memora.infra.testsupport.Ids;
import com.memora.infra.testsupport.IntegrationTest;
import com.memora.infra.testsupport.TestTokens;
import com.memora.kernel.plan.PlanRules;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ImportApiTest extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    ProjectionReplays replays;

    private ApiClient editor;
    private ContentApi content;

    @BeforeEach
    void setUp() {
        editor = api(TestTokens.editor());
        content = new ContentApi(editor, replays, jdbc);
    }

    /** A small curriculum with fresh ids: a season, a subject tree with a DLC track, and a plan with overrides. */
    private static Map<String, Object> document(String prefix) {
        String season = Ids.season();
        Map<String, Object> lesson = new LinkedHashMap<>(Map.of(
                "id", prefix + "-L1", "title", "Limits", "is_published", true,
                "stages", List.of(Map.of("title", "Watch", "type", "Video",
                                         "config", Map.of("video_url", "videos/l1.mp4")),
                                  Map.of("title", "Check", "type", "Question", "config", Map.of("q", "?")))));
        Map<String, Object> topic = Map.of("id", prefix + "-T1", "title", "Topic", "lessons", List.of(lesson));
        Map<String, Object> unit = Map.of("id", prefix + "-U1", "title", "Unit", "is_free_preview", true,
                                          "topics", List.of(topic));
        Map<String, Object> core = Map.of("id", prefix + "-CORE", "title", "Core", "units", List.of(unit));
        Map<String, Object> exam = Map.of("id", prefix + "-EXAM", "title", "Exam pack", "required_item", "ITEM-EXAM",
                                          "is_sold_separately", true);
        Map<String, Object> subject = Map.of("id", prefix + "-MATH", "title", "الرياضيات", "required_item", "ITEM-M",
                                             "color_code", "#3366FF", "tracks", List.of(core, exam));
        Map<String, Object> plan = Map.of(
                "id", prefix + "-P1", "title", "Plan", "season", season, "stream", "SCI", "grade", "G12",
                "subjects", List.of(Map.of("subject", prefix + "-MATH", "sort_order", 1)),
                "overrides", List.of(Map.of("target_type", "Unit", "target_id", prefix + "-U1", "action", "Hide"),
                                     Map.of("id", "ren", "target_type", "Lesson", "target_id", prefix + "-L1",
                                            "action", "Rename", "value", "النهايات")));
        return Map.of("seasons", List.of(Map.of("id", season, "title", "S", "start_date", "2026-09-01",
                                                "end_date", "2027-06-30")),
                      "subjects", List.of(subject), "plans", List.of(plan));
    }

    private JsonNode importAndWait(Object document) {
        ApiClient.Response accepted = editor.post("/api/import", document);
        assertThat(accepted.status()).as("%s", accepted).isEqualTo(202);
        String status = accepted.json().get("status_url").asText();
        assertThat(accepted.headers().firstValue("Location")).hasValue(status);
        return await().atMost(Duration.ofSeconds(60)).until(() -> editor.get(status).json(),
                                                            job -> !job.get("state").asText().equals("RUNNING"));
    }

    private long events() {
        return jdbc.sql("select count(*) from domain_event_entry").query(Long.class).single();
    }

    @Test
    void importsACurriculumWithItsPlansAndShowsProgress() {
        String prefix = Ids.node("IMP");
        ApiClient.Response accepted = editor.post("/api/import", document(prefix));
        assertThat(accepted.status()).isEqualTo(202);
        assertThat(accepted.json().at("/counts/lessons").asInt()).isEqualTo(1);
        assertThat(accepted.json().at("/counts/stages").asInt()).isEqualTo(2);
        assertThat(accepted.json().at("/counts/tracks").asInt()).isEqualTo(2);

        JsonNode job = await().atMost(Duration.ofSeconds(60)).until(
                () -> editor.get(accepted.json().get("status_url").asText()).json(),
                status -> !status.get("state").asText().equals("RUNNING"));
        assertThat(job.get("state").asText()).as("%s", job).isEqualTo("SUCCEEDED");
        assertThat(job.get("done").asLong()).isEqualTo(job.get("total").asLong()).isEqualTo(8);
        assertThat(job.at("/result/created").asInt()).isEqualTo(6);
        assertThat(job.at("/result/seasons_created").asInt()).isEqualTo(1);
        assertThat(job.at("/result/failures").asInt()).isZero();
        assertThat(api(TestTokens.admin()).get("/api/admin/jobs/" + job.get("id").asText()).json()
                                          .get("type").asText()).isEqualTo("content-import");

        JsonNode lesson = content.awaitNode("lessons", prefix + "-L1", json -> true);
        assertThat(lesson.get("stages")).hasSize(2);
        assertThat(lesson.get("is_published").asBoolean()).isTrue();
        JsonNode unit = content.awaitNode("units", prefix + "-U1", json -> true);
        assertThat(unit.get("is_free_preview").asBoolean()).isTrue();
        JsonNode exam = content.awaitNode("tracks", prefix + "-EXAM", json -> true);
        assertThat(exam.get("is_sold_separately").asBoolean()).isTrue();
        JsonNode plan = await().atMost(Duration.ofSeconds(15)).until(
                () -> editor.get("/api/plans/" + prefix + "-P1").json(),
                json -> json.has("overrides") && json.get("overrides").size() == 2);
        assertThat(plan.get("subjects").findValuesAsText("subject")).containsExactly(prefix + "-MATH");
        assertThat(plan.get("overrides").findValuesAsText("id")).contains("ren");

        String metaData = new String(jdbc.sql("select meta_data from domain_event_entry where aggregate_identifier = ?")
                                         .param("lesson:" + prefix + "-L1").query(byte[].class).single());
        assertThat(metaData).as("events say who imported them").contains("\"user_id\":\"editor-1\"");
    }

    @Test
    void importingTheSameDocumentAgainChangesNothing() {
        Map<String, Object> document = document(Ids.node("AGAIN"));
        assertThat(importAndWait(document).get("state").asText()).isEqualTo("SUCCEEDED");
        // the new season's tracker partition is recorded by an event of its own, a moment after the import
        Object season = ((Map<?, ?>) ((List<?>) document.get("seasons")).get(0)).get("id");
        await().atMost(Duration.ofSeconds(10)).until(
                () -> jdbc.sql("select partition_created from season_registry where season_id = ?").param(season)
                          .query(Boolean.class).single());
        long before = events();
        JsonNode second = importAndWait(document);
        assertThat(second.get("state").asText()).isEqualTo("SUCCEEDED");
        assertThat(second.at("/result/matched").asInt()).isEqualTo(6);
        assertThat(second.at("/result/seasons_existing").asInt()).isEqualTo(1);
        assertThat(events()).as("no new events").isEqualTo(before);
    }

    /**
     * A dispatch that stopped half-way left some nodes created (here: made by hand, one of them differently, one
     * trashed since); sending the document again creates the rest and brings every node in line.
     */
    @Test
    void sendingTheDocumentAgainFinishesAnInterruptedImport() {
        String prefix = Ids.node("HALF");
        Map<String, Object> document = document(prefix);
        content.create("subjects", Map.of("id", prefix + "-MATH", "title", "Old title"));
        content.create("tracks", Map.of("id", prefix + "-CORE", "title", "Core", "parent_subject", prefix + "-MATH"));
        editor.delete("/api/tracks/" + prefix + "-CORE");

        JsonNode job = importAndWait(document);
        assertThat(job.get("state").asText()).as("%s", job).isEqualTo("SUCCEEDED");
        assertThat(job.at("/result/restored").asInt()).isEqualTo(1);
        assertThat(content.awaitNode("subjects", prefix + "-MATH", json -> json.get("title").asText()
                                                                               .equals("الرياضيات"))
                          .get("required_item").asText()).isEqualTo("ITEM-M");
        content.awaitNode("tracks", prefix + "-CORE", json -> !json.get("is_trashed").asBoolean()
                                                             && json.get("children").size() == 1);
        content.awaitNode("lessons", prefix + "-L1", json -> true);
    }

    /**
     * A lesson in the trash whose old topic is in the trash too, placed by the document under a new topic: it is
     * moved first and restored under the new topic (a restore under its old, trashed topic would be refused).
     */
    @Test
    void aTrashedNodeIsRestoredUnderTheParentTheDocumentGivesIt() {
        Map<String, String> tree = content.tree();
        String lesson = tree.get("lesson");
        String oldTopic = tree.get("topic");
        assertThat(editor.delete("/api/lessons/" + lesson).status()).isIn(200, 204);
        assertThat(editor.delete("/api/topics/" + oldTopic).status()).isIn(200, 204);
        String newTopic = Ids.node("TPN");
        Map<String, Object> lessonNode = Map.of("id", lesson, "title", "Lesson " + lesson);
        Map<String, Object> topic = Map.of("id", newTopic, "title", "New topic", "lessons", List.of(lessonNode));
        Map<String, Object> unit = Map.of("id", tree.get("unit"), "title", "Unit", "topics", List.of(topic));
        Map<String, Object> track = Map.of("id", tree.get("track"), "title", "Track", "units", List.of(unit));
        Map<String, Object> subject = Map.of("id", tree.get("subject"), "title", "Subject",
                                             "tracks", List.of(track));

        JsonNode job = importAndWait(Map.of("subjects", List.of(subject)));
        assertThat(job.get("state").asText()).as("%s", job).isEqualTo("SUCCEEDED");
        assertThat(job.at("/result/restored").asInt()).isEqualTo(1);
        content.awaitNode("lessons", lesson, json -> json.get("parent_topic").asText().equals(newTopic)
                                                     && !json.get("is_trashed").asBoolean());
        content.awaitNode("topics", newTopic, json -> json.get("children").size() == 1);
        assertThat(content.awaitNode("topics", oldTopic, json -> true).get("is_trashed").asBoolean())
                .as("the old topic is not in the document and stays in the trash").isTrue();
    }

    @Test
    void aBrokenDocumentListsEveryProblemWithItsPathAndCreatesNothing() throws Exception {
        String prefix = Ids.node("BAD");
        String json = JSON.writeValueAsString(document(prefix));
        JsonNode broken = JSON.readTree(json);
        var subject = (ObjectNode) broken.at("/subjects/0");
        subject.put("colour", "red");
        var core = (ObjectNode) broken.at("/subjects/0/tracks/0");
        core.put("id", "bad id");
        var exam = (ObjectNode) broken.at("/subjects/0/tracks/1");
        exam.remove("required_item");
        var lesson = (ObjectNode) broken.at("/subjects/0/tracks/0/units/0/topics/0/lessons/0");
        lesson.remove("title");
        ((ObjectNode) lesson.at("/stages/0")).remove("config");
        ((ObjectNode) lesson.at("/stages/1")).put("type", "Matching");
        var plan = (ObjectNode) broken.at("/plans/0");
        plan.put("season", "SEASON-2099");
        ((ArrayNode) plan.get("subjects"))
                .add(JSON.readTree("{\"subject\":\"NOPE\"}"));
        ((ArrayNode) plan.get("overrides"))
                .add(JSON.readTree("{\"target_type\":\"Track\",\"target_id\":\"" + prefix + "-EXAM\","
                                   + "\"action\":\"Set Sold Separately\"}"));
        // rules the aggregates apply at dispatch, checked up front too: an active season cannot archive itself
        // automatically; a plan has at most PlanRules.MAX_OVERRIDES overrides
        ((ArrayNode) broken.get("seasons")).add(JSON.readTree(
                "{\"id\":\"" + Ids.season() + "\",\"title\":\"Now\",\"start_date\":\"2026-09-01\","
                + "\"end_date\":\"2027-06-30\",\"is_active\":true,\"auto_archive\":true}"));
        ObjectNode crowded = ((ObjectNode) broken.at("/plans/0")).deepCopy();
        crowded.put("id", prefix + "-P2");
        crowded.put("season", broken.at("/seasons/0/id").asText());
        crowded.remove("subjects");
        ArrayNode tooMany = crowded.putArray("overrides");
        for (int i = 0; i <= PlanRules.MAX_OVERRIDES; i++) {
            tooMany.addObject().put("id", "o" + i).put("target_type", "Lesson").put("target_id", prefix + "-L1")
                   .put("action", "Rename").put("value", "title " + i);
        }
        ((ArrayNode) broken.get("plans")).add(crowded);
        long before = events();

        ApiClient.Response refused = editor.post("/api/import", broken.toString());
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("type").asText()).isEqualTo("urn:memora:problem:import-invalid");
        List<String> fields = new ArrayList<>(refused.json().get("errors").findValuesAsText("field"));
        assertThat(fields).contains(
                "subjects[0].colour",
                "subjects[0].tracks[0].id",
                "subjects[0].tracks[1].is_sold_separately",
                "subjects[0].tracks[0].units[0].topics[0].lessons[0].title",
                "subjects[0].tracks[0].units[0].topics[0].lessons[0].stages[0].config",
                "subjects[0].tracks[0].units[0].topics[0].lessons[0].stages[1].type",
                "plans[0].season",
                "plans[0].subjects[1].subject",
                "plans[0].overrides[2].action",
                "seasons[1].auto_archive",
                "plans[1].overrides");
        assertThat(fields).as("only the limit is reported for the crowded plan")
                          .noneMatch(field -> field.startsWith("plans[1].overrides["));
        assertThat(events()).as("nothing dispatched").isEqualTo(before);
        assertThat(editor.get("/api/subjects/" + prefix + "-MATH").status()).isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from content_registry where id like ?").param(prefix + "%")
                       .query(Long.class).single()).isZero();
    }

    @Test
    void duplicateAndDeletedIdsAreRefused() {
        Map<String, String> gone = content.tree();
        api(TestTokens.admin()).delete("/api/lessons/" + gone.get("lesson") + "?permanent=true&confirm=true");
        String doc = """
                {"subjects":[
                  {"id":"%1$s","title":"A","tracks":[{"id":"%2$s","title":"T","units":[{"id":"%3$s","title":"U",
                    "topics":[{"id":"%4$s","title":"P","lessons":[{"id":"%5$s","title":"L"}]}]}]}]},
                  {"id":"%1$s","title":"B"}]}
                """.formatted(Ids.node("DUP"), Ids.node("T"), Ids.node("U"), Ids.node("P"), gone.get("lesson"));
        ApiClient.Response refused = editor.post("/api/import", doc);
        assertThat(refused.status()).isEqualTo(400);
        JsonNode errors = refused.json().get("errors");
        assertThat(errors.findValuesAsText("field")).containsExactlyInAnyOrder(
                "subjects[1].id", "subjects[0].tracks[0].units[0].topics[0].lessons[0].id");
        assertThat(errors.toString()).contains("used twice", "deleted for good");
    }

    @Test
    void notJsonOrTheWrongShapeIsA400() {
        assertThat(editor.post("/api/import", "{\"subjects\": ").status()).isEqualTo(400);
        ApiClient.Response array = editor.post("/api/import", "[1,2]");
        assertThat(array.status()).isEqualTo(400);
        assertThat(array.json().get("field").asText()).isEqualTo("$");
    }

    @Test
    void aDocumentWithNothingToImportIsRefusedAndStartsNoJob() {
        long jobs = jdbc.sql("select count(*) from background_job").query(Long.class).single();
        for (String empty : List.of("{}", "{\"seasons\": [], \"subjects\": [], \"plans\": []}")) {
            ApiClient.Response refused = editor.post("/api/import", empty);
            assertThat(refused.status()).as(empty).isEqualTo(400);
            assertThat(refused.json().get("type").asText()).isEqualTo("urn:memora:problem:import-invalid");
            assertThat(refused.json().get("field").asText()).isEqualTo("$");
            assertThat(refused.json().get("detail").asText()).contains("nothing to import");
        }
        assertThat(jdbc.sql("select count(*) from background_job").query(Long.class).single()).isEqualTo(jobs);
    }

    @Test
    void textPostgreSqlCannotStoreIsRefusedWithItsPath() {
        String doc = "{\"subjects\": [{\"id\": \"" + Ids.node("NUL") + "\", \"title\": \"Al\\u0000gebra\"}]}";
        ApiClient.Response refused = editor.post("/api/import", doc);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("type").asText()).isEqualTo("urn:memora:problem:invalid-text");
        assertThat(refused.json().get("field").asText()).isEqualTo("subjects[0].title");
    }

    @Test
    void onlyEditorsImport() {
        assertThat(api(TestTokens.player("p")).post("/api/import", Map.of()).status()).isEqualTo(403);
        assertThat(editor.get("/api/import/" + UUID.randomUUID()).status()).isEqualTo(404);
    }

    /** The demo curriculum of the repository loads with the one documented step and meets the point 6. */
    @Test
    void theDemoCurriculumLoadsAndHasWhatTheDemoPromises() throws Exception {
        String demo = Files.readString(Path.of("..", "demo", "curriculum.json"));
        JsonNode job = importAndWait(demo);
        assertThat(job.get("state").asText()).as("%s", job).isEqualTo("SUCCEEDED");

        JsonNode math = content.awaitNode("subjects", "MATH", json -> true);
        JsonNode english = content.awaitNode("subjects", "ENG", json -> true);
        assertThat(math.get("title").asText()).as("Arabic title").matches(".*[\\u0600-\\u06FF].*");
        assertThat(english.get("title").asText()).as("English title").matches("[A-Za-z ]+");
        assertThat(math.get("required_item").asText()).as("a paid subject").isNotBlank();
        assertThat(english.get("is_public").asBoolean()).as("a public subject").isTrue();
        assertThat(content.awaitNode("units", "MATH-U1", json -> true).get("is_free_preview").asBoolean()).isTrue();
        assertThat(content.awaitNode("tracks", "MATH-EXAM", json -> true).get("is_sold_separately").asBoolean())
                .isTrue();
        assertThat(content.awaitNode("lessons", "MATH-L1", json -> true).at("/stages/0/type").asText())
                .isEqualTo("Video");
        // a plan's subjects and overrides arrive in events after its creation: wait for all three of each plan
        JsonNode science = await().atMost(Duration.ofSeconds(15)).until(
                () -> editor.get("/api/plans/PLAN-SCI-12").json(), ImportApiTest::withSubjectsAndOverrides);
        JsonNode literary = await().atMost(Duration.ofSeconds(15)).until(
                () -> editor.get("/api/plans/PLAN-LIT-12").json(), ImportApiTest::withSubjectsAndOverrides);
        assertThat(science.get("subjects").findValuesAsText("subject"))
                .containsAnyElementsOf(literary.get("subjects").findValuesAsText("subject"));
        assertThat(science.get("overrides")).isNotEmpty();
        assertThat(science.get("overrides").toString()).isNotEqualTo(literary.get("overrides").toString());
    }

    /** The demo's plans each list subjects and overrides. */
    private static boolean withSubjectsAndOverrides(JsonNode plan) {
        return plan.path("subjects").size() > 0 && plan.path("overrides").size() == 3;
    }
}
