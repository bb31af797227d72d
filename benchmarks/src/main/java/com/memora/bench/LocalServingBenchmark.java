package com.memora.bench;

import com.memora.projection.export.files.GeneratedFile;
import com.memora.projection.export.files.PlanFilesBuilder;
import com.memora.projection.export.staging.ContentFile;
import com.memora.projection.export.staging.LocalContentStore;
import org.HdrHistogram.Histogram;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The local origin under load (decisions F10; issue 5: "measure it under 1,000 concurrent clients"): the service on
 * the embedded default with a 5,000-lesson plan staged, and {@code wrk} with 1,000 keep-alive connections fetching
 * random files of the plan (lessons, units, subjects, shards, manifest), once plain and once with
 * {@code Accept-Encoding: gzip}. Prints requests/s, latency percentiles and every kind of error (zero expected).
 * Without {@code wrk} on the PATH (or with {@code -Ddriver=java}) a Java driver keeps 1,000 requests in flight instead.
 * <p>
 * Run: {@code mvn -q -B -ntp -pl benchmarks exec:java -Dbench=LocalServingBenchmark [-Dconnections=1000]
 * [-Dseconds=20] [-Dwarmup=15] [-Dthreads=200] [-Ddriver=wrk|java]} (threads: Tomcat's worker threads)
 */
public final class LocalServingBenchmark {

    public static void main(String[] args) throws Exception {
        int connections = Integer.getInteger("connections", 1000);
        int seconds = Integer.getInteger("seconds", 20);
        int warmUp = Integer.getInteger("warmup", 15);
        String driver = System.getProperty("driver", wrkInstalled() ? "wrk" : "java");
        try (BenchmarkApp app = BenchmarkApp.start("--server.tomcat.threads.max=" + Integer.getInteger("threads", 200))) {
            List<GeneratedFile> files = new PlanFilesBuilder()
                    .build(GeneratedCurriculum.plan("SERVE", 5, 2, 5, 5, 20), 1, app.bean(Clock.class).instant()).files();
            app.bean(LocalContentStore.class).writeAll(files.stream()
                    .map(file -> new ContentFile(file.path(), file.bytes())).toList());
            List<String> paths = files.stream().map(file -> "/files/memora_content/" + file.path()).toList();
            long bytes = files.stream().mapToLong(GeneratedFile::size).sum();

            System.out.println();
            System.out.printf("Local origin: %,d files staged (%.1f MiB, avg %,d bytes), %d connections, %d s per run,"
                              + " driver %s, %d cores%n", files.size(), bytes / 1048576.0, bytes / files.size(),
                              connections, seconds, driver, Runtime.getRuntime().availableProcessors());
            System.out.printf("%-26s %10s %10s %9s %9s %9s %9s  %s%n", "run", "requests", "req/s", "p50 ms",
                              "p90 ms", "p99 ms", "max ms", "errors");
            Path pathsFile = Files.createTempFile("memora-paths", ".txt");
            Files.write(pathsFile, paths);
            if (driver.equals("wrk")) {
                wrk(app.baseUrl(), pathsFile, connections, warmUp, false, "warm-up");
                wrk(app.baseUrl(), pathsFile, connections, seconds, false, "plain");
                wrk(app.baseUrl(), pathsFile, connections, seconds, true, "gzip");
            } else {
                java(app.baseUrl(), paths, connections, warmUp, false, "warm-up");
                java(app.baseUrl(), paths, connections, seconds, false, "plain");
                java(app.baseUrl(), paths, connections, seconds, true, "gzip");
            }
            Files.deleteIfExists(pathsFile);
        }
    }

    private static boolean wrkInstalled() {
        try {
            return new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start().waitFor() >= 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** wrk with a Lua script that picks a random path per request and prints one machine-readable line. */
    private static void wrk(String baseUrl, Path pathsFile, int connections, int seconds, boolean gzip, String run)
            throws Exception {
        String script = """
                local paths = {}
                for line in io.lines("%s") do paths[#paths + 1] = line end
                %s
                request = function()
                  return wrk.format("GET", paths[math.random(#paths)])
                end
                done = function(summary, latency, requests)
                  local e = summary.errors
                  io.write(string.format("RESULT %%d %%d %%d %%d %%d %%d %%d %%d %%d %%d %%d %%d\\n",
                    summary.requests, summary.duration, latency:percentile(50), latency:percentile(90),
                    latency:percentile(99), latency.max, e.connect, e.read, e.write, e.status, e.timeout,
                    summary.bytes))
                end
                """.formatted(pathsFile, gzip ? "wrk.headers[\"Accept-Encoding\"] = \"gzip\"" : "");
        Path scriptFile = Files.createTempFile("memora-wrk", ".lua");
        Files.writeString(scriptFile, script);
        Process process = new ProcessBuilder("wrk", "-t2", "-c" + connections, "-d" + seconds + "s", "--timeout", "10s",
                                             "-s", scriptFile.toString(), baseUrl).redirectErrorStream(true).start();
        String result = null;
        List<String> output = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                                                                              StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                output.add(line);
                if (line.startsWith("RESULT ")) {
                    result = line;
                }
            }
        }
        process.waitFor();
        Files.deleteIfExists(scriptFile);
        if (result == null) {
            throw new IllegalStateException("wrk gave no result:\n" + String.join("\n", output));
        }
        long[] v = java.util.Arrays.stream(result.substring(7).trim().split(" ")).mapToLong(Long::parseLong).toArray();
        double secondsRun = v[1] / 1e6;
        System.out.printf("%-26s %10d %10.0f %9.2f %9.2f %9.2f %9.2f  connect %d, read %d, write %d, non-2xx %d,"
                          + " timeout %d (%.1f MiB/s)%n", "wrk " + run, v[0], v[0] / secondsRun, v[2] / 1000.0,
                          v[3] / 1000.0, v[4] / 1000.0, v[5] / 1000.0, v[6], v[7], v[8], v[9], v[10],
                          v[11] / 1048576.0 / secondsRun);
    }

    /** A closed-loop Java driver: {@code connections} requests always in flight, each followed by the next. */
    private static void java(String baseUrl, List<String> paths, int connections, int seconds, boolean gzip,
                             String run) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        Histogram latency = new Histogram(60_000_000L, 3);
        AtomicLong ok = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<CompletableFuture<Void>> clients = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < connections; c++) {
            clients.add(loop(http, baseUrl, paths, gzip, end, latency, ok, errors));
        }
        CompletableFuture.allOf(clients.toArray(CompletableFuture[]::new)).join();
        double secondsRun = (System.nanoTime() - start) / 1e9;
        System.out.printf("%-26s %10d %10.0f %9.2f %9.2f %9.2f %9.2f  %d%n", "java " + run, ok.get() + errors.get(),
                          (ok.get() + errors.get()) / secondsRun, latency.getValueAtPercentile(50) / 1000.0,
                          latency.getValueAtPercentile(90) / 1000.0, latency.getValueAtPercentile(99) / 1000.0,
                          latency.getMaxValue() / 1000.0, errors.get());
    }

    private static CompletableFuture<Void> loop(HttpClient http, String baseUrl, List<String> paths, boolean gzip,
                                                long end, Histogram latency, AtomicLong ok, AtomicLong errors) {
        if (System.nanoTime() >= end) {
            return CompletableFuture.completedFuture(null);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(
                baseUrl + paths.get(ThreadLocalRandom.current().nextInt(paths.size())))).timeout(Duration.ofSeconds(10));
        if (gzip) {
            request.header("Accept-Encoding", "gzip");
        }
        long begin = System.nanoTime();
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding()).handle((response, failure) -> {
            synchronized (latency) {
                latency.recordValue(Math.max(1, (System.nanoTime() - begin) / 1000));
            }
            if (failure == null && response.statusCode() == 200) {
                ok.incrementAndGet();
            } else {
                errors.incrementAndGet();
            }
            return null;
        }).thenCompose(ignored -> loop(http, baseUrl, paths, gzip, end, latency, ok, errors));
    }
}
