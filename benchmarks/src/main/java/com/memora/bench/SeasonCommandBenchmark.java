package com.memora.bench;

import com.memora.infra.testsupport.ApiClient;
import com.memora.kernel.season.CreateSeasonCommand;
import org.axonframework.commandhandling.gateway.CommandGateway;

import java.time.LocalDate;
import java.util.Map;

/**
 * Season create commands per second, over HTTP (JWT check, validation, command, event append on PostgreSQL) and
 * straight through the command gateway. Every command creates a new aggregate, so each one is a real insert.
 * <p>
 * Run: {@code mvn -q -pl benchmarks -am -DskipTests install exec:java -Dbench=SeasonCommandBenchmark}
 */
public final class SeasonCommandBenchmark {

    private static final LocalDate START = LocalDate.of(2026, 1, 1);

    public static void main(String[] args) throws Exception {
        int operations = Integer.getInteger("ops", 4_000);
        try (BenchmarkApp app = BenchmarkApp.start()) {
            ApiClient editor = app.client("editor");
            CommandGateway gateway = app.bean(CommandGateway.class);

            // warm-up: JIT, connection pools, Axon's caches
            LoadRun.run("warm-up", 4, 1_000, i -> createOverHttp(editor, "W" + i));
            System.out.println();
            System.out.println("Season create commands (" + Runtime.getRuntime().availableProcessors()
                               + " cores, embedded PostgreSQL)");
            ApiClient anonymous = editor.anonymous();
            print(LoadRun.run("HTTP GET /actuator/health/liveness (no token)", 1, operations,
                              i -> anonymous.get("/actuator/health/liveness")));
            print(LoadRun.run("HTTP GET /api/seasons/{id} (token, query)", 1, operations,
                              i -> editor.get("/api/seasons/SEASON-2026-W1")));
            for (int threads : new int[] {1, 8}) {
                String prefix = "H" + threads + "X";
                print(LoadRun.run("HTTP POST /api/seasons", threads, operations,
                                  i -> createOverHttp(editor, prefix + i)));
            }
            for (int threads : new int[] {1, 8}) {
                String prefix = "G" + threads + "X";
                print(LoadRun.run("CommandGateway.sendAndWait(CreateSeasonCommand)", threads, operations,
                                  i -> gateway.sendAndWait(new CreateSeasonCommand(
                                          "SEASON-2026-" + prefix + i, "Bench", START, START.plusDays(300),
                                          false, true, false))));
            }
        }
    }

    private static void createOverHttp(ApiClient editor, String suffix) {
        ApiClient.Response response = editor.post("/api/seasons", Map.of(
                "id", "SEASON-2026-" + suffix, "title", "Bench", "start_date", "2026-01-01",
                "end_date", "2026-10-28"));
        if (response.status() != 201) {
            throw new IllegalStateException(response.toString());
        }
    }

    private static void print(LoadRun.Result result) {
        System.out.println(result.line());
    }
}
