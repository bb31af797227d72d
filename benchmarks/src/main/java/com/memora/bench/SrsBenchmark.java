package com.memora.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.memora.infra.security.DevTokenIssuer;
import com.memora.infra.testsupport.ApiClient;
import com.memora.projection.srs.ReviewQueues;
import com.memora.projection.srs.TrackerStore;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Spaced repetition under load (issue 6): {@code GET /api/reviews/due} through HTTP with Redis queues, review
 * submissions of 20 and 50 answers, and the Safe Mode query on PostgreSQL, with {@code players × questions}
 * tracker rows (default 10,000 × 1,000 = 10 M) bulk-loaded by {@link TrackerBulkLoader}.
 * <p>
 * The per-player limits (submissions per minute, one Safe Mode read per 30 s) and the per-node Safe Mode limit are
 * raised so that the figures measure the work, not the limiters.
 * <p>
 * Run: {@code mvn -q -B -ntp -DskipTests install && mvn -q -B -ntp -pl benchmarks exec:java -Dbench=SrsBenchmark
 * [-Dplayers=10000 -Dquestions=1000 -Dreads=20000 -Dsubmits=2000]}
 */
public final class SrsBenchmark {

    private static final String SEASON = "SEASON-2026-BENCH";
    private static final String PARTITION = "p_season_2026_bench";

    public static void main(String[] args) throws Exception {
        int players = Integer.getInteger("players", 10_000);
        int questions = Integer.getInteger("questions", 1_000);
        int reads = Integer.getInteger("reads", 20_000);
        int submits = Integer.getInteger("submits", 2_000);
        int historyPlayers = Integer.getInteger("historyPlayers", 200);
        try (BenchmarkApp app = BenchmarkApp.start("--memora.srs.submissions-per-minute=100000000",
                                                   "--memora.srs.safe-mode.requests-per-minute-per-node=100000000",
                                                   "--memora.srs.safe-mode.per-player-interval=0s")) {
            JdbcClient jdbc = app.bean(JdbcClient.class);
            DevTokenIssuer tokens = app.bean(DevTokenIssuer.class);
            ApiClient anonymous = new ApiClient(app.baseUrl(), null);
            Map<String, ApiClient> clients = new ConcurrentHashMap<>();
            java.util.function.Function<String, ApiClient> player = id -> clients.computeIfAbsent(
                    id, p -> anonymous.as(tokens.issue(p, List.of("PLAYER"), Duration.ofHours(12)).token()));

            ApiClient editor = app.client("editor");
            check(editor.post("/api/seasons", Map.of("id", SEASON, "title", "Benchmark", "start_date", "2026-01-01",
                                                     "end_date", "2027-12-31", "is_active", true)), 201);
            long waitedFor = System.nanoTime();
            while (!jdbc.sql("select partition_created from season_registry where season_id = ?").param(SEASON)
                        .query(Boolean.class).single()) {
                if (System.nanoTime() - waitedFor > Duration.ofSeconds(30).toNanos()) {
                    throw new IllegalStateException("the season's partition was not created within 30 s");
                }
                Thread.sleep(50);
            }
            System.out.printf("%nSeason partition created %.0f ms after the season%n",
                              (System.nanoTime() - waitedFor) / 1e6);

            System.out.printf("Loading %,d players x %,d questions into %s with COPY ...%n", players, questions,
                              PARTITION);
            long loadStart = System.nanoTime();
            long rows = TrackerBulkLoader.load(app.bean(DataSource.class), PARTITION, SEASON, players, questions,
                                               0.05, app.bean(Clock.class).instant());
            double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
            jdbc.sql("analyze " + PARTITION).update();
            String tableSize = jdbc.sql("select pg_size_pretty(pg_total_relation_size(?))").param(PARTITION)
                              .query(String.class).single();
            System.out.printf("Loaded %,d tracker rows in %.0f s (%,.0f rows/s, incl. indexes); %s with indexes%n%n",
                              rows, loadSeconds, rows / loadSeconds, tableSize);

            System.out.println("Reads (" + Runtime.getRuntime().availableProcessors() + " cores, embedded servers)");
            SplittableRandom random = new SplittableRandom(7);
            int sampled = Math.min(players, 2_000);
            List<String> readers = new ArrayList<>();
            for (int i = 0; i < sampled; i++) {
                readers.add(TrackerBulkLoader.player(random.nextInt(players)));
            }
            readers.forEach(player::apply);
            JsonNode sample = check(player.apply(readers.get(0)).get("/api/reviews/due"), 200).json();
            System.out.printf("  sample answer: %d questions, total_due %d, is_degraded %s%n",
                              sample.get("questions").size(), sample.get("total_due").asLong(),
                              sample.get("is_degraded").asBoolean());
            List<String> distinct = readers.stream().distinct().toList();
            print(LoadRun.run("GET due, first read (builds the queue)", 1, distinct.size() - 1,
                              i -> check(player.apply(distinct.get((int) i + 1)).get("/api/reviews/due"), 200)));
            LoadRun.run("warm-up", 2, reads / 2,
                        i -> check(player.apply(readers.get((int) (i % sampled))).get("/api/reviews/due"), 200));
            print(LoadRun.run("GET due, warm queue (limit 20)", 1, reads / 2,
                              i -> check(player.apply(readers.get((int) (i % sampled))).get("/api/reviews/due"),
                                         200)));
            print(LoadRun.run("GET due, warm queue (limit 20)", 4, reads,
                              i -> check(player.apply(readers.get((int) (i % sampled))).get("/api/reviews/due"),
                                         200)));
            ApiClient reader = player.apply(readers.get(0));
            print(LoadRun.run("  baseline: GET /api/seasons/{id} (token)", 1, reads / 2,
                              i -> check(reader.get("/api/seasons/" + SEASON), 200)));
            ReviewQueues queues = app.bean(ReviewQueues.class);
            TrackerStore tracker = app.bean(TrackerStore.class);
            Clock clock = app.bean(Clock.class);
            print(LoadRun.run("  of which Redis (due script)", 1, reads / 2,
                              i -> queues.due(readers.get((int) (i % sampled)), SEASON, clock.instant(), 20)));
            print(LoadRun.run("  of which SQL (season + 20 tracker rows)", 1, reads / 2, i -> {
                String id = readers.get((int) (i % sampled));
                jdbc.sql("select * from season_registry where season_id = ?").param(SEASON).query().listOfRows();
                tracker.find(id, SEASON, List.of("Q0001", "Q0002", "Q0003", "Q0004", "Q0005", "Q0006", "Q0007",
                                                 "Q0008", "Q0009", "Q0010", "Q0011", "Q0012", "Q0013", "Q0014",
                                                 "Q0015", "Q0016", "Q0017", "Q0018", "Q0019", "Q0020"));
            }));
            print(LoadRun.run("GET due, warm queue, limit 50", 1, reads / 2,
                              i -> check(player.apply(readers.get((int) (i % sampled)))
                                                 .get("/api/reviews/due?limit=50"), 200)));

            System.out.printf("%nSubmissions: %d players with 1,000 reviewed questions each (built now) ...%n",
                              historyPlayers);
            List<String> reviewers = new ArrayList<>();
            for (int i = 0; i < historyPlayers; i++) {
                reviewers.add("bench-reviewer-" + i);
            }
            LoadRun.Result setup = LoadRun.run("history", 4, historyPlayers * 20L, i -> {
                String id = reviewers.get((int) (i % historyPlayers));
                int block = (int) (i / historyPlayers);
                List<Map<String, Object>> answers = new ArrayList<>();
                for (int q = 0; q < 50; q++) {
                    answers.add(Map.of("question_id", TrackerBulkLoader.question(block * 50 + q), "rating",
                                       1 + (q % 4)));
                }
                check(player.apply(id).post("/api/reviews", Map.of("answers", answers)), 200);
            });
            System.out.printf("  built %,d submissions of 50 in %.0f s%n", setup.operations(), setup.seconds());
            LoadRun.run("warm-up", 2, submits / 2,
                        i -> submit(player.apply(reviewers.get((int) (i % historyPlayers))), 50, i + 1_000_000));
            for (int size : new int[] {20, 50}) {
                print(LoadRun.run("POST /api/reviews, " + size + " answers", 1, submits,
                                  i -> submit(player.apply(reviewers.get((int) (i % historyPlayers))), size, i)));
                print(LoadRun.run("POST /api/reviews, " + size + " answers", 4, submits,
                                  i -> submit(player.apply(reviewers.get((int) (i % historyPlayers))), size,
                                              i + 7)));
            }

            System.out.printf("%nSafe Mode (circuit breaker forced open; %,d tracker rows)%n", rows);
            CircuitBreaker breaker = app.bean(CircuitBreaker.class);
            breaker.transitionToForcedOpenState();
            JsonNode degraded = check(player.apply(readers.get(1)).get("/api/reviews/due"), 200).json();
            if (!degraded.get("is_degraded").asBoolean()) {
                throw new IllegalStateException("Safe Mode read was not degraded: " + degraded);
            }
            LoadRun.run("warm-up", 2, reads / 4,
                        i -> check(player.apply(readers.get((int) (i % sampled))).get("/api/reviews/due"), 200));
            print(LoadRun.run("GET due in Safe Mode (PostgreSQL)", 1, reads / 2,
                              i -> check(player.apply(readers.get((int) (i % sampled))).get("/api/reviews/due"),
                                         200)));
            print(LoadRun.run("GET due in Safe Mode (PostgreSQL)", 4, reads,
                              i -> check(player.apply(readers.get((int) (i % sampled))).get("/api/reviews/due"),
                                         200)));
            breaker.transitionToClosedState();
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            print(LoadRun.run("  of which the SQL (due page + count)", 1, reads / 2, i -> {
                String id = TrackerBulkLoader.player(random.nextInt(players));
                jdbc.sql("select question_id, subject, topic, state, stability, difficulty, due, last_review, reps, "
                         + "lapses from srs_tracker where player = ? and season = ? and due <= ? "
                         + "order by due, question_id limit 20").params(id, SEASON, now).query().listOfRows();
                jdbc.sql("select count(*) from srs_tracker where player = ? and season = ? and due <= ?")
                    .params(id, SEASON, now).query(Long.class).single();
            }));
        }
    }

    private static void submit(ApiClient client, int size, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, Map<String, Object>> answers = new LinkedHashMap<>();
        while (answers.size() < size) {
            String question = TrackerBulkLoader.question(random.nextInt(1_000));
            answers.put(question, Map.of("question_id", question, "rating", 1 + random.nextInt(4)));
        }
        check(client.post("/api/reviews", Map.of("answers", new ArrayList<>(answers.values()))), 200);
    }

    private static ApiClient.Response check(ApiClient.Response response, int status) {
        if (response.status() != status) {
            throw new IllegalStateException("expected " + status + ": " + response);
        }
        return response;
    }

    private static void print(LoadRun.Result result) {
        System.out.println(result.line());
    }
}
