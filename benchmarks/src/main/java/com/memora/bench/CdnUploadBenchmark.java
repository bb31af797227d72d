package com.memora.bench;

import com.memora.infra.cdn.CdnTarget;
import com.memora.infra.cdn.MinioCdnPublisher;
import com.memora.infra.embedded.EmbeddedS3Server;
import com.memora.kernel.access.NodeKind;
import com.memora.kernel.access.PlanOverride;
import com.memora.kernel.settings.CdnSettings;
import com.memora.kernel.settings.StorageProvider;
import com.memora.projection.export.cdn.CdnOutcomes;
import com.memora.projection.export.cdn.DeleteReport;
import com.memora.projection.export.cdn.PublishReport;
import com.memora.projection.export.content.PlanContent;
import com.memora.projection.export.files.FileChange;
import com.memora.projection.export.files.GeneratedFile;
import com.memora.projection.export.files.PlanFiles;
import com.memora.projection.export.files.PlanFilesBuilder;
import com.memora.projection.export.staging.ContentFile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Publication of a 5,000-lesson plan to an S3-compatible store (issue 5): the first upload of all its files
 * (verified, bottom-up, at several upload concurrencies), then a one-lesson change (a Rename override of one
 * lesson: the lesson, its neighbours' navigation, its unit and its search shard change; F5 keeps the rest), a sync
 * that finds nothing to upload (one listing of the plan's folder plus an MD5 per file), and the deletion of the whole
 * plan folder. The store is s3proxy on a filesystem blob store in this JVM, as in the embedded default, so it shares
 * the machine's cores with the uploader: a lower bound for a real S3 or R2 endpoint's throughput, an upper bound for
 * its latency-free cost.
 * <p>
 * Run: {@code mvn -q -B -ntp -pl benchmarks exec:java -Dbench=CdnUploadBenchmark [-Dconcurrency=1,4,8]}
 */
public final class CdnUploadBenchmark {

    private static final String ACCESS = "bench-access";
    private static final String SECRET = "bench-secret-key-123";
    private static final String CACHE_CONTROL = "public, max-age=300";

    public static void main(String[] args) throws Exception {
        int[] concurrencies = Arrays.stream(System.getProperty("concurrency", "1,4,8").split(","))
                                    .mapToInt(Integer::parseInt).toArray();
        Path dir = Files.createTempDirectory("memora-cdn-bench");
        EmbeddedS3Server s3 = EmbeddedS3Server.start(dir.resolve("s3"), 0, ACCESS, SECRET);
        try {
            PlanFilesBuilder builder = new PlanFilesBuilder();
            Instant builtAt = Instant.parse("2026-01-25T10:00:00Z");
            PlanContent plan = GeneratedCurriculum.plan("BENCH", 5, 2, 5, 5, 20);
            PlanFiles first = builder.build(plan, 1, builtAt);
            List<ContentFile> files = contentFiles(first.files());
            long bytes = files.stream().mapToLong(file -> file.bytes().length).sum();

            System.out.println();
            System.out.printf("CDN upload of a 5,000-lesson plan: %,d files, %.1f MiB, s3proxy (filesystem) at %s,"
                              + " %d cores%n", files.size(), bytes / 1048576.0, s3.endpoint(),
                              Runtime.getRuntime().availableProcessors());
            System.out.printf("%-34s %7s %9s %10s %9s%n", "run", "files", "seconds", "files/s", "MiB/s");

            CdnTarget lastTarget = null;
            for (int concurrency : concurrencies) {
                CdnTarget target = target(s3, "bench-c" + concurrency);
                lastTarget = target;
                try (MinioCdnPublisher publisher = publisher(target, concurrency)) {
                    if (concurrency == concurrencies[0]) {
                        publisher.upload(contentFiles(builder.build(GeneratedCurriculum.plan("WARM", 1, 1, 2, 5, 20),
                                                                    1, builtAt).files())); // JIT and connections
                    }
                    long start = System.nanoTime();
                    PublishReport report = publisher.upload(files);
                    print("first upload, concurrency " + concurrency, report.uploaded().size(), start,
                          report.bytesUploaded());
                    if (!report.verified()) {
                        throw new IllegalStateException("unverified upload");
                    }
                }
            }

            int concurrency = concurrencies[concurrencies.length - 1];
            try (MinioCdnPublisher publisher = publisher(lastTarget, concurrency)) {
                long start = System.nanoTime();
                PlanContent edited = new PlanContent(plan.plan(), plan.subjects(), withRename(plan.overrides()));
                PlanFiles rebuilt = builder.build(edited, 2, builtAt.plusSeconds(300));
                Map<String, byte[]> published = new HashMap<>();
                files.forEach(file -> published.put(file.path(), file.bytes()));
                List<ContentFile> changed = contentFiles(rebuilt.files().stream()
                        .filter(file -> FileChange.of(file, published.get(file.path())).mustWrite()).toList());
                long detected = System.nanoTime();
                PublishReport report = publisher.upload(changed);
                System.out.printf("%-34s %7d %9.3f   (rebuild + F5 comparison %.2f s, upload %.3f s; %s)%n",
                                  "one-lesson change", report.uploaded().size(), (System.nanoTime() - start) / 1e9,
                                  (detected - start) / 1e9, (System.nanoTime() - detected) / 1e9,
                                  String.join(", ", report.uploadedPaths().stream()
                                                          .map(path -> path.substring(path.indexOf('/', 6) + 1))
                                                          .toList()));

                changed.forEach(file -> published.put(file.path(), file.bytes()));
                List<ContentFile> tree = published.entrySet().stream()
                                                  .map(entry -> new ContentFile(entry.getKey(), entry.getValue()))
                                                  .toList();
                start = System.nanoTime();
                PublishReport sync = publisher.sync(tree, (file, done, total) -> { });
                print("sync, nothing to upload", sync.uploaded().size(), start, 0);
                System.out.printf("%-34s %7d%n", "  files found unchanged", sync.unchanged().size());

                start = System.nanoTime();
                DeleteReport deleted = publisher.deletePlan("BENCH");
                System.out.printf("%-34s %7d %9.3f %10.0f   (%d delete requests of <= 1,000 keys)%n",
                                  "delete plan folder", deleted.deleted().size(), (System.nanoTime() - start) / 1e9,
                                  deleted.deleted().size() / ((System.nanoTime() - start) / 1e9), deleted.requests());
            }
        } finally {
            s3.close();
            try (Stream<Path> all = Files.walk(dir)) {
                all.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static List<PlanOverride> withRename(List<PlanOverride> overrides) {
        List<PlanOverride> more = new ArrayList<>(overrides);
        more.add(PlanOverride.rename(NodeKind.LESSON, "L2-1-3-2-7", "الدرس المعدل"));
        return more;
    }

    private static List<ContentFile> contentFiles(List<GeneratedFile> generated) {
        return generated.stream().map(file -> new ContentFile(file.path(), file.bytes())).toList();
    }

    private static void print(String run, int files, long startNanos, long bytes) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        System.out.printf("%-34s %7d %9.3f %10.0f %9.2f%n", run, files, seconds, files / seconds,
                          bytes / 1048576.0 / seconds);
    }

    private static MinioCdnPublisher publisher(CdnTarget target, int concurrency) {
        return new MinioCdnPublisher(() -> target, CdnOutcomes.IGNORED, CACHE_CONTROL, concurrency);
    }

    private static CdnTarget target(EmbeddedS3Server s3, String bucket) throws Exception {
        s3.createBucket(bucket);
        CdnSettings settings = new CdnSettings(true, false, StorageProvider.AWS_S3, s3.endpoint(), bucket,
                                               "https://cdn.memora.app", null, null, 5, 50, 4);
        return CdnTarget.connect(settings, "us-east-1", ACCESS, SECRET, 8);
    }
}
