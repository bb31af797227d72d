package com.memora.bench;

import com.memora.projection.export.content.PlanContent;
import com.memora.projection.export.files.FileKind;
import com.memora.projection.export.files.GeneratedFile;
import com.memora.projection.export.files.PlanFiles;
import com.memora.projection.export.files.PlanFilesBuilder;
import com.memora.projection.export.schema.ExportSchemaValidator;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The pure part of a plan build at 5,000 lessons (issue 4's aim: under 10 s on 2 cores): access rules, JSON
 * trees, rendering to bytes, schema validation of every file, and the meaning hashes a pipeline compares (F5).
 * Single thread, the way one plan is built.
 * <p>
 * Run: {@code mvn -q -B -ntp -pl benchmarks exec:java -Dbench=PlanFilesBenchmark [-Drounds=5]}
 */
public final class PlanFilesBenchmark {

    public static void main(String[] args) {
        int rounds = Integer.getInteger("rounds", 5);
        PlanContent plan = GeneratedCurriculum.plan("BENCH", 5, 2, 5, 5, 20);

        long compileStart = System.nanoTime();
        ExportSchemaValidator validator = new ExportSchemaValidator();
        double compileMs = (System.nanoTime() - compileStart) / 1e6;
        PlanFilesBuilder builder = new PlanFilesBuilder();

        System.out.println();
        System.out.printf("Plan files: 5 subjects x 2 tracks x 5 units x 5 topics x 20 lessons, %d cores%n",
                          Runtime.getRuntime().availableProcessors());
        System.out.printf("schema compilation (once per process): %.0f ms%n", compileMs);
        System.out.printf("%-8s %7s %9s %9s %9s %9s %9s %10s%n", "round", "files", "build ms", "valid ms",
                          "hash ms", "total ms", "MiB", "files/s");
        for (int round = 1; round <= rounds + 2; round++) {
            Instant now = Instant.parse("2026-01-25T10:00:00Z").plusSeconds(round);
            long start = System.nanoTime();
            PlanFiles files = builder.build(plan, now.getEpochSecond(), now);
            long built = System.nanoTime();
            validator.requireValid(files.files());
            long validated = System.nanoTime();
            int hashes = 0;
            for (GeneratedFile file : files.files()) {
                hashes += file.meaningHash().length();
            }
            long hashed = System.nanoTime();
            long bytes = files.files().stream().mapToLong(GeneratedFile::size).sum();
            double totalMs = (hashed - start) / 1e6;
            System.out.printf("%-8s %7d %9.0f %9.0f %9.0f %9.0f %9.1f %10.0f%n",
                              round <= 2 ? "warm-up" : "#" + (round - 2), files.files().size(),
                              (built - start) / 1e6, (validated - built) / 1e6, (hashed - validated) / 1e6,
                              totalMs, bytes / 1048576.0, files.files().size() / (totalMs / 1000));
            if (hashes == 0) {
                throw new IllegalStateException("no hashes");
            }
            if (round == rounds + 2) {
                perKind(files, validator);
                System.out.println("warnings: " + files.warnings());
            }
        }
    }

    /** Where validation time goes. */
    private static void perKind(PlanFiles files, ExportSchemaValidator validator) {
        Map<FileKind, long[]> perKind = new EnumMap<>(FileKind.class);
        for (GeneratedFile file : files.files()) {
            long start = System.nanoTime();
            List<?> violations = validator.violations(file);
            long[] totals = perKind.computeIfAbsent(file.kind(), kind -> new long[3]);
            totals[0]++;
            totals[1] += System.nanoTime() - start;
            totals[2] += file.size() + violations.size();
        }
        perKind.forEach((kind, totals) -> System.out.printf(
                "  validate %-13s %5d files, %8.1f us/file, avg %,8d bytes%n", kind, totals[0],
                totals[1] / 1e3 / totals[0], totals[2] / totals[0]));
    }
}
