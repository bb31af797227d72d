package com.memora.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.memora.infra.axon.replay.ProjectionReplays;
import com.memora.infra.axon.replay.ReplayStatus;
import com.memora.infra.testsupport.ApiClient;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Bulk import of a generated curriculum: 5 subjects × 4 tracks × 5 units × 5 topics × N lessons (N = 10 gives 5,000
 * lessons), four stages per lesson, two plans with overrides. Prints the wall time from {@code POST /api/import}
 * to the job's end, the events stored per second, how long the content read model takes to catch up after the job
 * ends (its lag), and the same for a second, identical import (which must store nothing).
 * <p>
 * Run: {@code mvn -q -B -ntp -pl benchmarks exec:java -Dbench=ContentImportBenchmark [-Dlessons=5000]
 * [-Dthreads=4]}
 */
public final class ContentImportBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        int lessons = Integer.getInteger("lessons", 5_000);
        int threads = Integer.getInteger("threads", 4);
        int lessonsPerTopic = Math.max(1, lessons / 500);
        String document = JSON.writeValueAsString(curriculum(lessonsPerTopic));

        try (BenchmarkApp app = BenchmarkApp.start("--memora.content-import.dispatch-threads=" + threads)) {
            ApiClient editor = app.client("editor");
            JdbcClient jdbc = app.bean(JdbcClient.class);
            ProjectionReplays replays = app.bean(ProjectionReplays.class);

            System.out.println();
            System.out.printf("Content import (%d cores, embedded PostgreSQL, %d dispatch threads): %d lessons, "
                              + "%d stages, document %.1f MB%n", Runtime.getRuntime().availableProcessors(), threads,
                              500 * lessonsPerTopic, 2_000 * lessonsPerTopic, document.length() / 1e6);
            report("first import", runImport(editor, jdbc, replays, document));
            report("same document again", runImport(editor, jdbc, replays, document));
            long rows = jdbc.sql("select count(*) from content_node").query(Long.class).single();
            System.out.printf("read model rows: %d content nodes%n", rows);
        }
    }

    private record Figures(double acceptSeconds, double wallSeconds, long events, double lagSeconds,
                           JsonNode result) {
    }

    private static Figures runImport(ApiClient editor, JdbcClient jdbc, ProjectionReplays replays, String document)
            throws InterruptedException {
        long head = head(jdbc);
        long start = System.nanoTime();
        ApiClient.Response accepted = editor.post("/api/import", document);
        long acceptedAt = System.nanoTime();
        if (accepted.status() != 202) {
            throw new IllegalStateException(accepted.toString());
        }
        String status = accepted.json().get("status_url").asText();
        JsonNode job;
        do {
            Thread.sleep(50); // a load driver polling, not a test
            job = editor.get(status).json();
        } while (job.get("state").asText().equals("RUNNING"));
        long finished = System.nanoTime();
        if (!job.get("state").asText().equals("SUCCEEDED")) {
            throw new IllegalStateException("Import failed: " + job);
        }
        long events = head(jdbc) - head;
        long target = head(jdbc);
        while (!caughtUp(replays.status("content"), target)) {
            Thread.sleep(20);
        }
        long caughtUp = System.nanoTime();
        return new Figures((acceptedAt - start) / 1e9, (finished - start) / 1e9, events,
                           (caughtUp - finished) / 1e9, job.get("result"));
    }

    private static boolean caughtUp(ReplayStatus status, long head) {
        return status.position() != null && status.position() >= head;
    }

    private static long head(JdbcClient jdbc) {
        return jdbc.sql("select coalesce(max(global_index), 0) from domain_event_entry").query(Long.class).single();
    }

    private static void report(String name, Figures figures) {
        System.out.printf("%-20s validate+accept %6.2f s | wall %7.2f s | events %6d | %7.0f events/s | "
                          + "read-model lag after the job %6.2f s | %s%n",
                          name, figures.acceptSeconds(), figures.wallSeconds(), figures.events(),
                          figures.events() / figures.wallSeconds(), figures.lagSeconds(), figures.result());
    }

    /** 5 subjects, 4 tracks each (one a DLC), 5 units, 5 topics, {@code lessonsPerTopic} lessons of 4 stages. */
    static Map<String, Object> curriculum(int lessonsPerTopic) {
        List<Object> subjects = new ArrayList<>();
        for (int s = 0; s < 5; s++) {
            List<Object> tracks = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                List<Object> units = new ArrayList<>();
                for (int u = 0; u < 5; u++) {
                    List<Object> topics = new ArrayList<>();
                    for (int p = 0; p < 5; p++) {
                        List<Object> lessonList = new ArrayList<>();
                        for (int l = 0; l < lessonsPerTopic; l++) {
                            String id = "L-%d-%d-%d-%d-%d".formatted(s, t, u, p, l);
                            lessonList.add(Map.of(
                                    "id", id, "title", "درس " + id, "sort_order", l, "is_published", true,
                                    "stages", List.of(
                                            Map.of("title", "شاهد", "type", "Video",
                                                   "config", Map.of("video_url", "videos/" + id + ".mp4")),
                                            Map.of("title", "Check", "type", "Question",
                                                   "config", Map.of("question", "2+2?", "answer", "4")),
                                            Map.of("title", "Read", "type", "Text",
                                                   "config", Map.of("body", "Lorem ipsum dolor sit amet")),
                                            Map.of("title", "Try", "type", "Interactive",
                                                   "config", Map.of("widget", "graph")))));
                        }
                        topics.add(node("TP-%d-%d-%d-%d".formatted(s, t, u, p), "Topic", p, Map.of(),
                                        "lessons", lessonList));
                    }
                    units.add(node("U-%d-%d-%d".formatted(s, t, u), "Unit", u,
                                   u == 0 ? Map.of("is_free_preview", true) : Map.of(), "topics", topics));
                }
                Map<String, Object> dlc = t == 3 ? Map.of("required_item", "ITEM-DLC-" + s, "is_sold_separately", true)
                                                 : Map.of();
                tracks.add(node("TR-%d-%d".formatted(s, t), "Track", t, dlc, "units", units));
            }
            subjects.add(node("S-" + s, "Subject " + s, s, Map.of("required_item", "ITEM-" + s), "tracks", tracks));
        }
        List<Object> plans = new ArrayList<>();
        for (int p = 0; p < 2; p++) {
            plans.add(Map.of("id", "PLAN-" + p, "title", "Plan " + p, "season", "SEASON-2026", "stream", "S" + p,
                             "grade", "G12",
                             "subjects", List.of(Map.of("subject", "S-0"), Map.of("subject", "S-1"),
                                                 Map.of("subject", "S-" + (2 + p))),
                             "overrides", List.of(Map.of("target_type", "Unit", "target_id", "U-0-0-" + (1 + p),
                                                         "action", "Hide"),
                                                  Map.of("target_type", "Track", "target_id", "TR-1-3",
                                                         "action", p == 0 ? "Set Sold Separately" : "Set Free"))));
        }
        return Map.of("seasons", List.of(Map.of("id", "SEASON-2026", "title", "Season 2026",
                                                "start_date", "2026-09-01", "end_date", "2027-06-30")),
                      "subjects", subjects, "plans", plans);
    }

    private static Map<String, Object> node(String id, String title, int order, Map<String, Object> extra,
                                            String children, List<Object> childNodes) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("id", id);
        node.put("title", title + " " + id);
        node.put("sort_order", order);
        node.put("is_published", true);
        node.putAll(extra);
        node.put(children, childNodes);
        return node;
    }
}
