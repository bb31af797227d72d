package com.memora.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.memora.infra.redis.ReviewCacheFaults;
import com.memora.infra.testsupport.ApiClient;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * SRS operations on a season of {@code players × questions} tracker rows (default 1,000 × 1,000 = 1 M, bulk-loaded
 * by {@link TrackerBulkLoader}): rebuilding the season's review cache (every player's queue written whole), a
 * reconciliation of a 10,000 sample (with queues, after some injected discrepancies), and archiving the season
 * (rows moved to the archive, partition dropped, Redis keys deleted), in rows per hour.
 * <p>
 * Run: {@code mvn -q -B -ntp -DskipTests install && mvn -q -B -ntp -pl benchmarks exec:java
 * -Dbench=SrsOperationsBenchmark [-Dplayers=1000 -Dquestions=1000 -Dreconciliations=5]}
 */
public final class SrsOperationsBenchmark {

    private static final String SEASON = "SEASON-2025-OPS";
    private static final String PARTITION = "p_season_2025_ops";

    public static void main(String[] args) throws Exception {
        int players = Integer.getInteger("players", 1_000);
        int questions = Integer.getInteger("questions", 1_000);
        int reconciliations = Integer.getInteger("reconciliations", 5);
        try (BenchmarkApp app = BenchmarkApp.start()) {
            JdbcClient jdbc = app.bean(JdbcClient.class);
            ApiClient admin = app.client("admin");
            check(app.client("editor").post("/api/seasons", Map.of(
                    "id", SEASON, "title", "Operations benchmark", "start_date", "2025-01-01",
                    "end_date", "2025-12-31", "is_active", false, "enable_redis", true)), 201);
            long waited = System.nanoTime();
            while (!jdbc.sql("select partition_created from season_registry where season_id = ?").param(SEASON)
                        .query(Boolean.class).single()) {
                if (System.nanoTime() - waited > Duration.ofSeconds(30).toNanos()) {
                    throw new IllegalStateException("the season's partition was not created within 30 s");
                }
                Thread.sleep(50);
            }
            System.out.printf("%nLoading %,d players x %,d questions into %s with COPY ...%n", players, questions,
                              PARTITION);
            long loadStart = System.nanoTime();
            long rows = TrackerBulkLoader.load(app.bean(DataSource.class), PARTITION, SEASON, players, questions,
                                               0.05, app.bean(Clock.class).instant());
            jdbc.sql("analyze " + PARTITION).update();
            System.out.printf("Loaded %,d tracker rows in %.1f s; partition %s with indexes%n", rows,
                              seconds(loadStart), jdbc.sql("select pg_size_pretty(pg_total_relation_size(?))")
                                                      .param(PARTITION).query(String.class).single());
            System.out.println(jdbc.sql("explain select player, question_id, due from srs_tracker where season = ?"
                                        + " and (player, season, question_id) > (?, ?, ?) order by player, season,"
                                        + " question_id limit 1000")
                                   .params(SEASON, "bench-p5", SEASON, "Q0500").query(String.class).list()
                                   .stream().limit(2).map(line -> line.trim().replaceAll("\\s+", " "))
                                   .reduce("Keyset page plan: ", (a, b) -> a + b + " | "));

            // 1. rebuild the season's cache
            JsonNode memoryBefore = check(admin.get("/api/admin/srs/cache"), 200).json();
            long rebuildStart = System.nanoTime();
            JsonNode started = check(admin.post("/api/admin/srs/seasons/" + SEASON + "/rebuild-cache", null), 202)
                    .json();
            JsonNode rebuilt = awaitJob(admin, started.get("job_id").asText());
            double rebuildSeconds = seconds(rebuildStart);
            JsonNode memoryAfter = check(admin.get("/api/admin/srs/cache"), 200).json();
            System.out.printf("%nRebuild of the season's cache: %s in %.1f s: %,d records (%,.0f records/s, %,.0f per "
                              + "hour), %,d players, %,d queues written; Redis used_memory %.1f -> %.1f MiB%n",
                              rebuilt.get("state").asText(), rebuildSeconds,
                              rebuilt.get("result").get("total_records").asLong(),
                              rebuilt.get("result").get("total_records").asLong() / rebuildSeconds,
                              rebuilt.get("result").get("total_records").asLong() / rebuildSeconds * 3600,
                              rebuilt.get("result").get("total_players").asLong(),
                              rebuilt.get("result").get("total_keys").asLong(),
                              memoryBefore.get("memory_used_mb").asDouble(),
                              memoryAfter.get("memory_used_mb").asDouble());
            long statusStart = System.nanoTime();
            check(admin.get("/api/admin/srs/cache"), 200);
            System.out.printf("Cache status (SCAN of %,d keys): %.0f ms%n",
                              memoryAfter.get("total_keys").asLong(), seconds(statusStart) * 1000);

            // 2. reconciliation of a 10,000 sample, with some discrepancies injected
            ReviewCacheFaults faults = ReviewCacheFaults.of(app.bean(ApplicationContext.class));
            SplittableRandom random = new SplittableRandom(3);
            int injected = 0;
            for (int i = 0; i < 200; i++) {
                faults.corruptDue(TrackerBulkLoader.player(random.nextInt(players)), SEASON,
                                  TrackerBulkLoader.question(random.nextInt(questions)), 0);
                injected++;
            }
            System.out.printf("%nReconciliation of a 10,000 sample (%d due times corrupted in Redis first)%n",
                              injected);
            LoadRun.Result reconcile = LoadRun.run("POST /api/admin/srs/reconcile (10,000)", 1, reconciliations,
                                                   i -> {
                JsonNode result = check(admin.post("/api/admin/srs/reconcile",
                                                   Map.of("sample_size", 10_000, "season", SEASON)), 200).json();
                System.out.printf("  run %d: sampled %,d, compared %,d, discrepancies %d, rate %.5f, alert %s%n",
                                  i + 1, result.get("sample_size").asLong(), result.get("compared").asLong(),
                                  result.get("discrepancies_found").asLong(),
                                  result.get("discrepancy_rate").asDouble(),
                                  result.get("alert_triggered").asBoolean());
            });
            System.out.println(reconcile.line());

            // 3. archive the season
            long archiveStart = System.nanoTime();
            JsonNode archiving = check(admin.post("/api/admin/srs/seasons/" + SEASON + "/archive",
                                                  Map.of("confirm", true)), 202).json();
            JsonNode archived = awaitJob(admin, archiving.get("job_id").asText());
            double archiveSeconds = seconds(archiveStart);
            long records = archived.get("result").get("records_archived").asLong();
            System.out.printf("%nArchive of the season: %s in %.1f s: %,d rows archived (%,.0f rows/s = %,.0f rows per "
                              + "hour; the original's target: 10,000,000 per hour), %,d cache keys deleted%n",
                              archived.get("state").asText(), archiveSeconds, records, records / archiveSeconds,
                              records / archiveSeconds * 3600,
                              archived.get("result").get("cache_keys_deleted").asLong());
            System.out.printf("Archive table: %s; partition %s: %s%n",
                              jdbc.sql("select pg_size_pretty(pg_total_relation_size('srs_tracker_archive'))")
                                  .query(String.class).single(), PARTITION,
                              jdbc.sql("select to_regclass(?) is null").param(PARTITION).query(Boolean.class)
                                  .single() ? "dropped" : "still there");
        }
    }

    private static JsonNode awaitJob(ApiClient admin, String jobId) throws InterruptedException {
        while (true) {
            JsonNode job = check(admin.get("/api/admin/jobs/" + jobId), 200).json();
            if (!"RUNNING".equals(job.get("state").asText())) {
                if (!"SUCCEEDED".equals(job.get("state").asText())) {
                    throw new IllegalStateException("job failed: " + job);
                }
                return job;
            }
            Thread.sleep(100);
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static ApiClient.Response check(ApiClient.Response response, int status) {
        if (response.status() != status) {
            throw new IllegalStateException("expected " + status + ": " + response);
        }
        return response;
    }
}
