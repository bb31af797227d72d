package com.memora.infra.content;

import com.fasterxml.jackson.databind.JsonNode;
import com.memora.infra.axon.replay.ProjectionReplays;
import com.memora.infra.testsupport.ApiClient;
import com.memora.infra.testsupport.Ids;
import com.memora.infra.testsupport.IntegrationTest;
import com.memora.infra.testsupport.TestTokens;
import com.memora.projection.content.ContentNodeView;
import com.memora.projection.content.ContentViewStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ContentApiTest extends IntegrationTest {

    @Autowired
    ProjectionReplays replays;

    @Autowired
    ContentViewStore views;

    private ApiClient editor;
    private ApiClient admin;
    private ContentApi content;

    @BeforeEach
    void clients() {
        editor = api(TestTokens.editor());
        admin = api(TestTokens.admin());
        content = new ContentApi(editor, replays, jdbc);
    }

    private static List<String> fields(ApiClient.Response response) {
        return response.json().get("errors").findValuesAsText("field");
    }

    @Test
    void buildsATreeAndReadsEveryNodeWithItsChildren() {
        Map<String, String> ids = content.tree();
        String secondLesson = content.create("lessons", Map.of("id", Ids.node("L"), "title", "A first lesson",
                                                               "parent_topic", ids.get("topic"), "sort_order", -1));

        JsonNode subject = content.awaitNode("subjects", ids.get("subject"), json -> json.get("children").size() == 1);
        assertThat(subject.get("kind").asText()).isEqualTo("subject");
        assertThat(subject.get("children")).extracting(JsonNode::asText).containsExactly(ids.get("track"));
        assertThat(subject.get("is_published").asBoolean()).isFalse();
        assertThat(subject.get("is_public").asBoolean()).isFalse();
        assertThat(subject.has("stages")).isFalse();

        JsonNode topic = content.awaitNode("topics", ids.get("topic"), json -> json.get("children").size() == 2);
        assertThat(topic.get("parent_unit").asText()).isEqualTo(ids.get("unit"));
        assertThat(topic.get("children")).extracting(JsonNode::asText)
                                         .as("sibling order: sort_order, then id (D7)")
                                         .containsExactly(secondLesson, ids.get("lesson"));

        JsonNode lesson = content.awaitNode("lessons", ids.get("lesson"), json -> true);
        assertThat(lesson.get("parent_topic").asText()).isEqualTo(ids.get("topic"));
        assertThat(lesson.get("stages").get(0).get("idx").asInt()).isEqualTo(1);
        assertThat(lesson.get("stages").get(0).get("type").asText()).isEqualTo("Video");
        assertThat(lesson.at("/stages/0/config/video_url").asText()).endsWith(ids.get("lesson") + ".mp4");
        assertThat(lesson.get("stages").get(1).get("idx").asInt()).isEqualTo(2);
        assertThat(lesson.has("children")).isFalse();
        assertThat(lesson.has("color_code")).isFalse();

        assertThat(editor.get("/api/lessons?parent=" + ids.get("topic")).json().get("total").asLong()).isEqualTo(2);
    }

    /** What the plan export reads: a plan's whole tree in one query, in tree and sibling order. */
    @Test
    void theReadModelGivesASubjectsWholeTreeInOneRead() {
        Map<String, String> ids = content.tree();
        String early = content.create("lessons", Map.of("id", Ids.node("L"), "title", "Early",
                                                        "parent_topic", ids.get("topic"), "sort_order", -5));
        content.awaitCaughtUp();
        List<ContentNodeView> tree = views.subtreesOf(List.of(ids.get("subject")));
        assertThat(tree).extracting(ContentNodeView::id)
                        .containsExactly(ids.get("subject"), ids.get("track"), ids.get("unit"), ids.get("topic"),
                                         early, ids.get("lesson"));
        assertThat(tree).allSatisfy(node -> assertThat(node.subjectId()).isEqualTo(ids.get("subject")));
        assertThat(tree.get(5).topicId()).isEqualTo(ids.get("topic"));
        assertThat(tree.get(5).fields().stages()).hasSize(2);
    }

    @Test
    void aCreateWithoutAnIdGetsOneAndALocation() {
        ApiClient.Response created = editor.post("/api/subjects", Map.of("title", "الرياضيات", "color_code", "#3366FF",
                                                                         "required_item", "ITEM-MATH",
                                                                         "is_published", true));
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asText();
        assertThat(id).matches("^[a-z0-9]{10}$");
        assertThat(created.headers().firstValue("Location")).hasValue("/api/subjects/" + id);
        JsonNode subject = content.awaitNode("subjects", id, json -> true);
        assertThat(subject.get("title").asText()).isEqualTo("الرياضيات");
        assertThat(subject.get("required_item").asText()).isEqualTo("ITEM-MATH");
        assertThat(subject.get("is_published").asBoolean()).isTrue();
    }

    @Test
    void eventsCarryTheAncestorChain() {
        Map<String, String> ids = content.tree();
        String payload = new String(jdbc.sql("select payload from domain_event_entry where aggregate_identifier = ?")
                                        .param("lesson:" + ids.get("lesson")).query(byte[].class).single());
        assertThat(payload).contains("\"ancestors\":[{\"kind\":\"SUBJECT\",\"id\":\"" + ids.get("subject") + "\"}",
                                     "{\"kind\":\"TOPIC\",\"id\":\"" + ids.get("topic") + "\"}]");
        assertThat(payload).as("only the record's own fields are stored")
                           .doesNotContain("previousAncestors").doesNotContain("affectedSubjectIds");
    }

    @Test
    void aPartialUpdateChangesOnlyTheFieldsSent() {
        Map<String, String> ids = content.tree();
        String lesson = ids.get("lesson");
        assertThat(editor.patch("/api/lessons/" + lesson, Map.of("title", "Limits", "description", "About limits",
                                                                "is_published", true)).status()).isEqualTo(200);
        JsonNode changed = content.awaitNode("lessons", lesson, json -> json.get("is_published").asBoolean());
        assertThat(changed.get("title").asText()).isEqualTo("Limits");
        assertThat(changed.get("description").asText()).isEqualTo("About limits");
        assertThat(changed.get("stages")).hasSize(2);

        editor.patch("/api/lessons/" + lesson, Map.of("description", "", "stages", List.of(
                Map.of("title", "Read", "type", "Text", "config", Map.of("body", "…")))));
        JsonNode cleared = content.awaitNode("lessons", lesson, json -> json.get("stages").size() == 1);
        assertThat(cleared.has("description")).as("a blank string clears it").isFalse();
        assertThat(cleared.get("title").asText()).isEqualTo("Limits");
        assertThat(cleared.get("is_published").asBoolean()).isTrue();
    }

    @Test
    void movingAUnitCarriesItsWholeSubtreeToTheNewSubject() {
        Map<String, String> from = content.tree();
        Map<String, String> to = content.tree();
        ApiClient.Response moved = editor.patch("/api/units/" + from.get("unit"),
                                                Map.of("parent_track", to.get("track")));
        assertThat(moved.status()).isEqualTo(200);
        content.awaitNode("units", from.get("unit"), json -> json.get("parent_track").asText().equals(to.get("track")));
        content.awaitNode("tracks", to.get("track"), json -> json.get("children").size() == 2);
        content.awaitCaughtUp();
        Map<String, Object> lessonRow = jdbc.sql("select subject_id, track_id, unit_id from content_node "
                                                 + "where kind = 'lesson' and id = ?")
                                            .param(from.get("lesson")).query().singleRow();
        assertThat(lessonRow).containsEntry("subject_id", to.get("subject")).containsEntry("track_id", to.get("track"))
                             .containsEntry("unit_id", from.get("unit"));

        String payload = new String(jdbc.sql("""
                                             select payload from domain_event_entry
                                             where aggregate_identifier = ? and payload_type like '%MovedEvent'
                                             """)
                                        .param("unit:" + from.get("unit")).query(byte[].class).single());
        assertThat(payload).as("a move names both ancestor chains (D6)")
                           .contains("\"previousAncestors\":[{\"kind\":\"SUBJECT\",\"id\":\"" + from.get("subject"))
                           .contains("\"ancestors\":[{\"kind\":\"SUBJECT\",\"id\":\"" + to.get("subject"));
    }

    @Test
    void badInputIsA400NamingEveryFieldAndChangesNothing() {
        Map<String, String> ids = content.tree();
        ApiClient.Response unknownField = editor.post("/api/lessons", Map.of("title", "T", "parent_topic",
                                                                             ids.get("topic"), "color_code", "#000000"));
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(unknownField.json().get("field").asText()).isEqualTo("color_code");

        ApiClient.Response badStages = editor.post("/api/lessons", Map.of(
                "id", Ids.node("L"), "title", "T", "parent_topic", ids.get("topic"), "stages", List.of(
                        Map.of("title", "Watch", "type", "Video", "config", Map.of()),
                        Map.of("title", "Sort", "type", "Matching"))));
        assertThat(badStages.status()).isEqualTo(400);
        assertThat(fields(badStages)).containsExactly("stages[0].config.video_url", "stages[1].type");

        ApiClient.Response several = editor.post("/api/subjects", Map.of("id", "no spaces allowed", "title", " ",
                                                                         "color_code", "blue"));
        assertThat(several.status()).isEqualTo(400);
        assertThat(fields(several)).contains("id", "title");

        ApiClient.Response colour = editor.post("/api/subjects", Map.of("title", "T", "color_code", "blue"));
        assertThat(colour.status()).isEqualTo(400);
        assertThat(colour.json().get("field").asText()).isEqualTo("color_code");
        assertThat(colour.json().get("detail").asText()).contains("#RRGGBB");

        ApiClient.Response missingParent = editor.post("/api/units", Map.of("title", "T"));
        assertThat(missingParent.status()).isEqualTo(400);
        assertThat(missingParent.json().get("field").asText()).isEqualTo("parent_track");

        ApiClient.Response unknownParent = editor.post("/api/units", Map.of("title", "T", "parent_track", "NOPE"));
        assertThat(unknownParent.status()).isEqualTo(400);
        assertThat(unknownParent.json().get("detail").asText()).isEqualTo("parent_track: No track with id 'NOPE'");

        ApiClient.Response idInPatch = editor.patch("/api/lessons/" + ids.get("lesson"), Map.of("id", "other"));
        assertThat(idInPatch.status()).isEqualTo(400);
        assertThat(idInPatch.json().get("field").asText()).isEqualTo("id");

        assertThat(editor.patch("/api/lessons/bad..id", Map.of("title", "x")).status()).isEqualTo(400);
        assertThat(editor.patch("/api/lessons/" + Ids.node("NOPE"), Map.of("title", "x")).status()).isEqualTo(404);
        assertThat(editor.get("/api/topics/" + Ids.node("NOPE")).status()).isEqualTo(404);
        assertThat(editor.post("/api/subjects", Map.of("id", ids.get("subject"), "title", "Again")).status())
                .as("a duplicate id").isEqualTo(409);

        content.awaitCaughtUp();
        assertThat(editor.get("/api/topics/" + ids.get("topic")).json().get("children")).hasSize(1);
        assertThat(editor.get("/api/subjects/" + ids.get("subject")).json().get("title").asText())
                .isEqualTo("Subject");
    }

    @Test
    void trashHidesASubtreeAndRestoreBringsItBack() {
        Map<String, String> ids = content.tree();
        ApiClient.Response trashed = editor.delete("/api/units/" + ids.get("unit"));
        assertThat(trashed.status()).isEqualTo(200);
        assertThat(trashed.json().get("state").asText()).isEqualTo("trashed");
        assertThat(editor.delete("/api/units/" + ids.get("unit")).status()).as("trashing twice is harmless")
                                                                          .isEqualTo(200);

        JsonNode unit = content.awaitNode("units", ids.get("unit"), json -> json.get("is_trashed").asBoolean());
        assertThat(unit.get("children")).hasSize(1);
        JsonNode track = content.awaitNode("tracks", ids.get("track"), json -> json.get("trashed_children").size() == 1);
        assertThat(track.get("children")).isEmpty();
        assertThat(editor.get("/api/units?trashed=true&parent=" + ids.get("track")).json().get("items")
                         .findValuesAsText("id")).containsExactly(ids.get("unit"));

        ApiClient.Response underTrash = editor.post("/api/lessons", ContentApi.lesson(Ids.node("L"), ids.get("topic")));
        assertThat(underTrash.status()).as("the topic's unit is in the trash").isEqualTo(409);
        assertThat(underTrash.json().get("detail").asText()).contains("unit '" + ids.get("unit") + "' is in the trash");

        Map<String, String> elsewhere = content.tree();
        assertThat(editor.patch("/api/lessons/" + ids.get("lesson"), Map.of("parent_topic", elsewhere.get("topic")))
                         .status()).as("a lesson can be rescued from a trashed sub-tree").isEqualTo(200);

        ApiClient.Response restored = editor.post("/api/units/" + ids.get("unit") + "/restore", null);
        assertThat(restored.status()).isEqualTo(200);
        assertThat(restored.json().get("state").asText()).isEqualTo("active");
        content.awaitNode("units", ids.get("unit"), json -> !json.get("is_trashed").asBoolean());
        assertThat(editor.post("/api/lessons", ContentApi.lesson(Ids.node("L"), ids.get("topic"))).status())
                .isEqualTo(201);
    }

    @Test
    void restoringUnderATrashedParentIsAConflict() {
        Map<String, String> ids = content.tree();
        editor.delete("/api/lessons/" + ids.get("lesson"));
        editor.delete("/api/topics/" + ids.get("topic"));
        ApiClient.Response refused = editor.post("/api/lessons/" + ids.get("lesson") + "/restore", null);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("type").asText()).isEqualTo("urn:memora:problem:parent-trashed");
        editor.post("/api/topics/" + ids.get("topic") + "/restore", null);
        assertThat(editor.post("/api/lessons/" + ids.get("lesson") + "/restore", null).status()).isEqualTo(200);
    }

    @Test
    void aPermanentDeleteNeedsAnAdminAndConfirmationAndTakesTheSubtree() {
        Map<String, String> ids = content.tree();
        String path = "/api/units/" + ids.get("unit");
        assertThat(editor.delete(path + "?permanent=true&confirm=true").status()).isEqualTo(403);
        ApiClient.Response unconfirmed = admin.delete(path + "?permanent=true");
        assertThat(unconfirmed.status()).isEqualTo(400);
        assertThat(unconfirmed.json().get("field").asText()).isEqualTo("confirm");
        content.awaitNode("lessons", ids.get("lesson"), json -> true);

        ApiClient.Response deleted = admin.delete(path + "?permanent=true&confirm=true");
        assertThat(deleted.status()).as("%s", deleted).isEqualTo(200);
        assertThat(deleted.json().get("state").asText()).isEqualTo("deleted");
        assertThat(deleted.json().get("deleted_descendants").asInt()).isEqualTo(2);
        content.awaitGone("lessons", ids.get("lesson"));
        content.awaitGone("topics", ids.get("topic"));
        content.awaitGone("units", ids.get("unit"));
        content.awaitNode("tracks", ids.get("track"), json -> json.get("children").isEmpty());

        String payload = new String(jdbc.sql("""
                                             select payload from domain_event_entry
                                             where aggregate_identifier = ? and payload_type like '%DeletedEvent'
                                             """)
                                        .param("lesson:" + ids.get("lesson")).query(byte[].class).single());
        assertThat(payload).contains("\"previousAncestors\":[{\"kind\":\"SUBJECT\",\"id\":\"" + ids.get("subject"));
        assertThat(admin.delete(path + "?permanent=true&confirm=true").status()).isEqualTo(404);
        assertThat(editor.post("/api/units", Map.of("id", ids.get("unit"), "title", "Again",
                                                     "parent_track", ids.get("track"))).status())
                .as("a deleted id is never reused").isEqualTo(409);
    }

    @Test
    void onlyEditorsMayWriteOrReadContent() {
        ApiClient player = api(TestTokens.player("p-1"));
        assertThat(player.post("/api/subjects", Map.of("title", "T")).status()).isEqualTo(403);
        assertThat(player.get("/api/subjects").status()).isEqualTo(403);
        assertThat(anonymous().post("/api/subjects", Map.of("title", "T")).status()).isEqualTo(401);
        assertThat(editor.get("/api/subjects?limit=0").status()).isEqualTo(400);
    }
}
