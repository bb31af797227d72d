package com.memora.infra.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.memora.infra.axon.replay.ProjectionReplays;
import com.memora.infra.testsupport.ApiClient;
import com.memora.infra.testsupport.Ids;
import com.memora.projection.export.pipeline.ExportBatch;
import com.memora.projection.export.pipeline.PublicationState;
import com.memora.projection.export.pipeline.PublicationStates;
import com.memora.projection.export.pipeline.SyncLog;
import com.memora.projection.export.pipeline.SyncLogEntry;
import com.memora.projection.export.pipeline.BuildTrigger;
import com.memora.projection.export.pipeline.DirtyPlans;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Content, plans and builds the way an editor and the pipeline make them, over HTTP against the running service,
 * and the files as they lie on disk.
 */
public final class ExportFixture {

    private static final ObjectMapper JSON = new ObjectMapper();

    public final ApiClient editor;
    public final ApiClient admin;
    private final ProjectionReplays replays;
    private final JdbcClient jdbc;
    private final ExportBatch batch;
    private final DirtyPlans dirtyPlans;
    private final PublicationStates states;
    private final SyncLog syncLog;
    private final Path contentRoot;

    public ExportFixture(ApiClient editor, ApiClient admin, ProjectionReplays replays, JdbcClient jdbc,
                         ExportBatch batch, DirtyPlans dirtyPlans, PublicationStates states, SyncLog syncLog,
                         Path contentRoot) {
        this.editor = editor;
        this.admin = admin;
        this.replays = replays;
        this.jdbc = jdbc;
        this.batch = batch;
        this.dirtyPlans = dirtyPlans;
        this.states = states;
        this.syncLog = syncLog;
        this.contentRoot = contentRoot;
    }

    // ---- content ------------------------------------------------------------------------------------------------

    /** A published subject → track → unit → topic → two lessons chain; returns the ids by kind (lesson, lesson2). */
    public Map<String, String> tree(Map<String, Object> subjectFields) {
        Map<String, String> ids = new LinkedHashMap<>();
        Map<String, Object> subject = new LinkedHashMap<>(Map.of("id", Ids.node("S"), "title", "مادة",
                                                                 "is_published", true));
        subject.putAll(subjectFields);
        ids.put("subject", create("subjects", subject));
        ids.put("track", create("tracks", published(Ids.node("TR"), "Track", "parent_subject", ids.get("subject"))));
        ids.put("unit", create("units", published(Ids.node("U"), "Unit", "parent_track", ids.get("track"))));
        ids.put("topic", create("topics", published(Ids.node("TP"), "Topic", "parent_unit", ids.get("unit"))));
        ids.put("lesson", create("lessons", lesson(Ids.node("L"), ids.get("topic"), 1)));
        ids.put("lesson2", create("lessons", lesson(Ids.node("L"), ids.get("topic"), 2)));
        return ids;
    }

    public Map<String, String> tree() {
        return tree(Map.of());
    }

    public static Map<String, Object> published(String id, String title, String parentField, String parent) {
        return new LinkedHashMap<>(Map.of("id", id, "title", title + " " + id, "is_published", true, parentField,
                                          parent));
    }

    public static Map<String, Object> lesson(String id, String topic, int sortOrder) {
        Map<String, Object> lesson = published(id, "Lesson", "parent_topic", topic);
        lesson.put("sort_order", sortOrder);
        lesson.put("stages", List.of(
                Map.of("title", "Watch", "type", "Video", "config", Map.of("video_url", "videos/" + id + ".mp4")),
                Map.of("title", "Check", "type", "Question", "config", Map.of("question", "2+2?"))));
        return lesson;
    }

    public String create(String collection, Map<String, Object> body) {
        return ok(editor.post("/api/" + collection, body)).json().get("id").asText();
    }

    /** A plan listing these subjects (sort order as listed) in a fresh season. */
    public String planOf(String... subjects) {
        String season = Ids.season();
        ok(editor.post("/api/seasons", Map.of("id", season, "title", "Season", "start_date", "2026-09-01",
                                              "end_date", "2027-06-30")));
        String plan = ok(editor.post("/api/plans", Map.of("id", Ids.node("PLAN"), "title", "خطة", "season", season,
                                                          "stream", "SCI", "grade", "G12"))).json().get("id")
                                                                                           .asText();
        List<Map<String, Object>> listed = new ArrayList<>();
        for (int i = 0; i < subjects.length; i++) {
            listed.add(Map.of("subject", subjects[i], "sort_order", i + 1));
        }
        ok(editor.put("/api/plans/" + plan + "/subjects", listed));
        return plan;
    }

    public void override(String plan, String type, String target, String action, String value) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("target_type", type, "target_id", target,
                                                              "action", action));
        if (value != null) {
            body.put("value", value);
        }
        ok(editor.post("/api/plans/" + plan + "/overrides", body));
    }

    public static ApiClient.Response ok(ApiClient.Response response) {
        assertThat(response.status()).as("%s", response).isBetween(200, 299);
        return response;
    }

    // ---- the pipeline -------------------------------------------------------------------------------------------

    /**
     * Puts a lesson the lesson schema refuses (a video stage with an empty {@code video_url}) into the read model,
     * as a corrupt row would be, until closed: its plans' builds then fail permanently (O2).
     */
    public BrokenLesson breakLessonSchema(String lessonId) {
        awaitCaughtUp(); // the projection must not write the row again after us
        String stored = jdbc.sql("select stages::text from content_node where kind = 'lesson' and id = ?")
                            .param(lessonId).query(String.class).single();
        setStages(lessonId, "[{\"title\":\"Watch\",\"type\":\"Video\",\"config\":{\"video_url\":\"\"}}]");
        return () -> setStages(lessonId, stored);
    }

    /** Closing gives the lesson its stages back. */
    public interface BrokenLesson extends AutoCloseable {

        @Override
        void close();
    }

    private void setStages(String lessonId, String stages) {
        jdbc.sql("update content_node set stages = cast(? as jsonb) where kind = 'lesson' and id = ?")
            .param(stages).param(lessonId).update();
    }

    /** Until the content projection (and so the dirty-plan marks) has handled every event stored so far. */
    public void awaitCaughtUp() {
        long head = jdbc.sql("select coalesce(max(global_index), 0) from domain_event_entry").query(Long.class)
                        .single();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            var status = replays.status("content");
            return !status.replaying() && status.position() != null && status.position() >= head;
        });
    }

    /**
     * Builds what is pending (as the scheduler would) until the plan's marks are consumed and no replay debt is
     * left, and returns its newest log entry. Wake-ups after commits may run the batch in the background
     * meanwhile; then this waits for them.
     */
    public SyncLogEntry build(String planId) {
        awaitCaughtUp();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            if (dirtyPlans.find(planId).isPresent() || replayRebuildOwed()) {
                batch.runNow();
            }
            return dirtyPlans.find(planId).isEmpty() && !replayRebuildOwed()
                   && states.find(planId).map(state -> state.status().finished()).orElse(false);
        });
        return latestLog(planId).orElseThrow();
    }

    /** A replay of the content model ended or is under way, and the batch has not yet built every plan once. */
    public boolean replayRebuildOwed() {
        return jdbc.sql("select replay_rebuild_owed from export_batch_state").query(Boolean.class).single();
    }

    public Optional<SyncLogEntry> latestLog(String planId) {
        return syncLog.recent(planId, null, 1).stream().findFirst();
    }

    public List<SyncLogEntry> logs(String planId) {
        return syncLog.recent(planId, null, 500);
    }

    /**
     * The plan's newest sync-log entry of this trigger once it has finished. A removal deletes the keys before it
     * closes its entry, so a test that saw the bucket change must still wait for the entry.
     */
    public SyncLogEntry finishedLog(String planId, BuildTrigger trigger) {
        return await("a finished " + trigger + " entry for plan " + planId).atMost(Duration.ofSeconds(15))
                .until(() -> logs(planId).stream().filter(entry -> entry.trigger() == trigger).findFirst(),
                       entry -> entry.isPresent() && entry.get().status().finished())
                .orElseThrow();
    }

    public PublicationState state(String planId) {
        return states.find(planId).orElseThrow();
    }

    public boolean pending(String planId) {
        return dirtyPlans.find(planId).isPresent();
    }

    // ---- files --------------------------------------------------------------------------------------------------

    public Path path(String relative) {
        return contentRoot.resolve(relative);
    }

    public boolean exists(String relative) {
        return Files.exists(path(relative));
    }

    public JsonNode json(String relative) {
        try {
            return JSON.readTree(Files.readAllBytes(path(relative)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public byte[] bytes(String relative) {
        try {
            return Files.readAllBytes(path(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every content file of the plan (no .prev, no temporaries), relative to the root, sorted. */
    public List<String> files(String planId) {
        Path folder = path("plans/" + planId);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (var walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile)
                       .map(file -> contentRoot.relativize(file).toString().replace('\\', '/'))
                       .filter(name -> name.endsWith(".json"))
                       .sorted()
                       .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bytes of every file of the plan, by relative path. */
    public Map<String, byte[]> contents(String planId) {
        Map<String, byte[]> contents = new LinkedHashMap<>();
        files(planId).forEach(file -> contents.put(file, bytes(file)));
        return contents;
    }

    public static String plan(String planId, String rest) {
        return "plans/" + planId + "/" + rest;
    }
}
