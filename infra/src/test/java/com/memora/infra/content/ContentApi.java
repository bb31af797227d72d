package com.memora.infra.content;

import com.fasterxml.jackson.databind.JsonNode;
import com.memora.infra.axon.replay.ProjectionReplays;
import com.memora.infra.testsupport.ApiClient;
import com.memora.infra.testsupport.Ids;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Builds content over HTTP the way an editor would, and waits for the read model to show it. */
final class ContentApi {

    private final ApiClient editor;
    private final ProjectionReplays replays;
    private final JdbcClient jdbc;

    ContentApi(ApiClient editor, ProjectionReplays replays, JdbcClient jdbc) {
        this.editor = editor;
        this.replays = replays;
        this.jdbc = jdbc;
    }

    /** A fresh subject → track → unit → topic → lesson chain; returns the ids by kind. */
    Map<String, String> tree() {
        Map<String, String> ids = new LinkedHashMap<>();
        ids.put("subject", create("subjects", Map.of("id", Ids.node("S"), "title", "Subject")));
        ids.put("track", create("tracks", Map.of("id", Ids.node("TR"), "title", "Track",
                                                 "parent_subject", ids.get("subject"))));
        ids.put("unit", create("units", Map.of("id", Ids.node("U"), "title", "Unit", "parent_track", ids.get("track"))));
        ids.put("topic", create("topics", Map.of("id", Ids.node("TP"), "title", "Topic", "parent_unit",
                                                 ids.get("unit"))));
        ids.put("lesson", create("lessons", lesson(Ids.node("L"), ids.get("topic"))));
        return ids;
    }

    static Map<String, Object> lesson(String id, String topic) {
        return Map.of("id", id, "title", "Lesson " + id, "parent_topic", topic, "stages", List.of(
                Map.of("title", "Watch", "type", "Video", "config", Map.of("video_url", "videos/" + id + ".mp4")),
                Map.of("title", "Check", "type", "Question", "config", Map.of("question", "2+2?"))));
    }

    String create(String collection, Map<String, Object> body) {
        ApiClient.Response response = editor.post("/api/" + collection, body);
        assertThat(response.status()).as("%s", response).isEqualTo(201);
        return response.json().get("id").asText();
    }

    /** The node once the read model shows it in the expected state. */
    JsonNode awaitNode(String collection, String id, Predicate<JsonNode> condition) {
        return await().atMost(Duration.ofSeconds(15)).until(() -> {
            ApiClient.Response response = editor.get("/api/" + collection + "/" + id);
            return response.status() == 200 ? response.json() : null;
        }, json -> json != null && condition.test(json));
    }

    void awaitGone(String collection, String id) {
        await().atMost(Duration.ofSeconds(15)).until(() -> editor.get("/api/" + collection + "/" + id).status() == 404);
    }

    /** Until the content projection has handled every event stored so far. */
    void awaitCaughtUp() {
        long head = jdbc.sql("select max(global_index) from domain_event_entry").query(Long.class).single();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            var status = replays.status("content");
            return !status.replaying() && status.position() != null && status.position() >= head;
        });
    }
}
