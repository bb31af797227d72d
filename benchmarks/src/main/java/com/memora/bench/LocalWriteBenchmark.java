package com.memora.bench;

import com.memora.infra.files.FileSystemContentStore;
import com.memora.infra.files.FreeSpaceProbe;
import com.memora.projection.export.files.GeneratedFile;
import com.memora.projection.export.files.PlanFiles;
import com.memora.projection.export.files.PlanFilesBuilder;
import com.memora.projection.export.staging.ContentFile;
import com.memora.projection.export.staging.WriteOutcome;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Local staging writes with the full F9 order (hard link to .prev, temp file, fsync, rename, directory fsync) on
 * a real directory of this machine's disk, and the staging of a whole 5,000-lesson plan file by file and as one
 * batch ({@code writeAll}: one directory flush per directory instead of per file).
 * <p>
 * Run: {@code mvn -q -B -ntp -pl benchmarks exec:java -Dbench=LocalWriteBenchmark [-Dwrites=2000] [-Ddir=/path]}
 */
public final class LocalWriteBenchmark {

    /** The build time written into the generated files: fixed, the files' content does not depend on it. */
    private static final Instant GENERATED_AT = Instant.parse("2026-01-01T00:00:00Z");

    public static void main(String[] args) throws IOException {
        int writes = Integer.getInteger("writes", 2_000);
        Path base = Files.createTempDirectory(Path.of(System.getProperty("dir", System.getProperty("java.io.tmpdir"))),
                                              "memora-write-bench");
        try {
            FileSystemContentStore store = new FileSystemContentStore(base.resolve("content"), 10.0,
                                                                      FreeSpaceProbe.fileStore());
            List<GeneratedFile> lessons = new PlanFilesBuilder()
                    .build(GeneratedCurriculum.plan("BENCH", 1, 1, 1, 1, 50), 1, GENERATED_AT).files();
            byte[] typical = lessons.get(0).bytes();

            System.out.println();
            System.out.printf("Local writes under %s (%s), %,d-byte lesson file%n", base,
                              Files.getFileStore(base).type(), typical.length);
            run(store, "warm-up", Math.max(200, writes / 10), i -> "plans/W/lessons/L" + i + ".json", typical, false);
            print(run(store, "new file (no .prev yet)", writes, i -> "plans/N/lessons/L" + i + ".json", typical,
                      false));
            print(run(store, "rewrite of one file (keeps .prev)", writes, i -> "plans/R/lessons/L.json", typical,
                      true));
            print(run(store, "unchanged bytes (nothing written)", writes, i -> "plans/R/lessons/L.json", typical,
                      false));

            PlanFiles plan = new PlanFilesBuilder().build(GeneratedCurriculum.plan("FULL", 5, 2, 5, 5, 20), 1,
                                                          GENERATED_AT);
            for (boolean batch : new boolean[] {false, true}) {
                FileSystemContentStore planStore = new FileSystemContentStore(
                        base.resolve(batch ? "batch" : "single"), 10.0, FreeSpaceProbe.fileStore());
                for (String pass : List.of("first write", "rewrite", "unchanged")) {
                    // the rewrite changes every file; the last pass offers the rewritten bytes again
                    List<ContentFile> files = plan.files().stream().map(file -> new ContentFile(
                            file.path(), pass.equals("first write") ? file.bytes() : withSpace(file.bytes())))
                                                  .toList();
                    long start = System.nanoTime();
                    long written;
                    if (batch) {
                        written = planStore.writeAll(files).values().stream()
                                           .filter(outcome -> outcome == WriteOutcome.WRITTEN).count();
                    } else {
                        written = files.stream().filter(file -> planStore.write(file.path(), file.bytes())
                                                                == WriteOutcome.WRITTEN).count();
                    }
                    double seconds = (System.nanoTime() - start) / 1e9;
                    System.out.printf("5,000-lesson plan, %-10s %-12s %5d files, %5d written in %6.2f s"
                                      + " (%,.0f files/s)%n", batch ? "writeAll" : "write each", pass + ":",
                                      files.size(), written, seconds, files.size() / seconds);
                }
            }
        } finally {
            try (Stream<Path> all = Files.walk(base)) {
                all.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    interface PathOf {
        String path(int i);
    }

    private record Result(String name, Histogram micros, double seconds, long count) {
    }

    private static Result run(FileSystemContentStore store, String name, int count, PathOf path, byte[] bytes,
                              boolean alternate) {
        byte[] other = withSpace(bytes);
        Histogram histogram = new Histogram(60_000_000L, 3);
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long begin = System.nanoTime();
            store.write(path.path(i), alternate && i % 2 == 1 ? other : bytes);
            histogram.recordValue(Math.max(1, (System.nanoTime() - begin) / 1000));
        }
        return new Result(name, histogram, (System.nanoTime() - start) / 1e9, count);
    }

    private static byte[] withSpace(byte[] bytes) {
        byte[] copy = java.util.Arrays.copyOf(bytes, bytes.length + 1);
        copy[bytes.length] = ' ';
        return copy;
    }

    private static void print(Result result) {
        System.out.printf("%-36s n=%-6d p50=%6.2f ms  p99=%6.2f ms  max=%6.2f ms  %,8.0f writes/s%n", result.name(),
                          result.count(), result.micros().getValueAtPercentile(50) / 1000.0,
                          result.micros().getValueAtPercentile(99) / 1000.0, result.micros().getMaxValue() / 1000.0,
                          result.count() / result.seconds());
    }
}
