package com.memora.infra.cdn;

import com.memora.kernel.ops.OperationsMetrics;
import com.memora.projection.export.cdn.CdnFailureKind;
import com.memora.projection.export.cdn.CdnOutcomes;
import com.memora.projection.export.cdn.CdnPublishException;
import com.memora.projection.export.cdn.CdnPublisher;
import com.memora.projection.export.cdn.DeleteReport;
import com.memora.projection.export.cdn.Md5;
import com.memora.projection.export.cdn.PublicationOrder;
import com.memora.projection.export.cdn.PublishProgress;
import com.memora.projection.export.cdn.PublishReport;
import com.memora.projection.export.cdn.RemoteObject;
import com.memora.projection.export.cdn.UploadedFile;
import com.memora.projection.export.files.ExportPaths;
import com.memora.projection.export.staging.ContentFile;
import io.minio.ListObjectsArgs;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectsArgs;
import io.minio.Result;
import io.minio.messages.DeleteRequest;
import io.minio.messages.DeleteResult;
import io.minio.messages.Item;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The {@link CdnPublisher} on an S3-compatible store through minio-java (AWS S3, Cloudflare R2; s3proxy or MinIO in
 * tests). Each call takes the target the settings name at that moment ({@link CdnClients#fresh()}), so a batch uses
 * one bucket from start to end. Uploads go level by level (lessons, units, subjects, search, manifest); the files
 * of one level go up {@code uploadConcurrency} at a time, and a level starts only when the previous one is complete
 * and verified. The outcome of every call is recorded for the CDN's health.
 */
public final class MinioCdnPublisher implements CdnPublisher, AutoCloseable {

    public static final String JSON = "application/json; charset=utf-8";
    /** S3's limit for one multi-object delete request. */
    public static final int MAX_KEYS_PER_DELETE = 1000;

    private static final Logger log = LoggerFactory.getLogger(MinioCdnPublisher.class);

    private final Supplier<CdnTarget> targets;
    private final CdnOutcomes outcomes;
    private final String cacheControl;
    private final int concurrency;
    private final ExecutorService uploads;
    private final OperationsMetrics metrics;

    /** Without meters: tools, the benchmark and the adapter's own tests. */
    public MinioCdnPublisher(Supplier<CdnTarget> targets, CdnOutcomes outcomes, String cacheControl,
                             int concurrency) {
        this(targets, outcomes, cacheControl, concurrency, OperationsMetrics.NONE);
    }

    /**
     * @param targets      the bucket to publish to, asked once per call
     * @param cacheControl {@code Cache-Control} of every uploaded object (default {@code public, max-age=300})
     * @param concurrency  files of one level uploaded at once
     * @param metrics      counts every file sent (verified, resent, failed) and its bytes
     */
    public MinioCdnPublisher(Supplier<CdnTarget> targets, CdnOutcomes outcomes, String cacheControl,
                             int concurrency, OperationsMetrics metrics) {
        this.metrics = metrics;
        this.targets = targets;
        this.outcomes = outcomes;
        this.cacheControl = cacheControl;
        this.concurrency = concurrency;
        this.uploads = Executors.newFixedThreadPool(concurrency, daemonThreads());
    }

    @Override
    public boolean enabled() {
        return targets.get().enabled();
    }

    @Override
    public boolean switchedOn() {
        return targets.get().settings().enabled();
    }

    // ---- uploads ------------------------------------------------------------------------------------------------

    @Override
    public PublishReport upload(List<ContentFile> files, PublishProgress progress) {
        long started = System.nanoTime();
        return recorded(() -> {
            CdnTarget target = targets.get().requireConfigured();
            List<UploadedFile> uploaded = uploadInOrder(target, files, progress);
            return new PublishReport(uploaded, List.of(), Duration.ofNanos(System.nanoTime() - started));
        });
    }

    @Override
    public PublishReport sync(List<ContentFile> files, PublishProgress progress) {
        long started = System.nanoTime();
        return recorded(() -> {
            CdnTarget target = targets.get().requireConfigured();
            Map<String, String> remote = new HashMap<>();
            for (String prefix : listingPrefixes(files)) {
                listObjects(target, prefix).forEach(object -> remote.put(object.key(), object.etag()));
            }
            List<ContentFile> changed = new ArrayList<>();
            List<String> unchanged = new ArrayList<>();
            for (ContentFile file : files) {
                if (Md5.hex(file.bytes()).equals(remote.get(file.path()))) {
                    unchanged.add(file.path());
                } else {
                    changed.add(file);
                }
            }
            List<UploadedFile> uploaded = uploadInOrder(target, changed, progress);
            return new PublishReport(uploaded, unchanged, Duration.ofNanos(System.nanoTime() - started));
        });
    }

    /** A plan's folder is listed once for all its files; other paths are asked for by their own key. */
    private static Collection<String> listingPrefixes(List<ContentFile> files) {
        LinkedHashSet<String> prefixes = new LinkedHashSet<>();
        for (ContentFile file : files) {
            String[] segments = file.path().split("/");
            prefixes.add(segments.length > 2 && segments[0].equals("plans")
                         ? segments[0] + "/" + segments[1] + "/" : file.path());
        }
        return prefixes;
    }

    private List<UploadedFile> uploadInOrder(CdnTarget target, List<ContentFile> files, PublishProgress progress) {
        List<UploadedFile> done = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger count = new AtomicInteger();
        try {
            for (List<ContentFile> level : PublicationOrder.levels(files).values()) {
                uploadLevel(target, level, file -> {
                    done.add(file);
                    progress.uploaded(file, count.incrementAndGet(), files.size());
                });
            }
        } catch (CdnPublishException failure) {
            throw failure.withCompleted(List.copyOf(done));
        }
        return List.copyOf(done);
    }

    private interface Completion {
        void completed(UploadedFile file);
    }

    /** One level: several files at once; the first failure lets no further file of the batch start. */
    private void uploadLevel(CdnTarget target, List<ContentFile> level, Completion completion) {
        if (concurrency == 1 || level.size() == 1) {
            for (ContentFile file : level) {
                completion.completed(uploadVerified(target, file));
            }
            return;
        }
        AtomicBoolean failed = new AtomicBoolean();
        List<Future<?>> running = new ArrayList<>(level.size());
        for (ContentFile file : level) {
            running.add(uploads.submit(() -> {
                if (failed.get()) {
                    return;
                }
                try {
                    completion.completed(uploadVerified(target, file));
                } catch (RuntimeException e) {
                    failed.set(true);
                    throw e;
                }
            }));
        }
        CdnPublishException first = null;
        for (Future<?> upload : running) {
            try {
                upload.get();
            } catch (ExecutionException e) {
                if (first == null) {
                    first = S3Failures.classify("Upload of", null, e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failed.set(true);
                throw new CdnPublishException(CdnFailureKind.TRANSIENT, null, "Upload interrupted", e);
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /**
     * Uploads one file and proves the stored object holds exactly its bytes: the ETag of a single-part upload is
     * the MD5 of the body. A mismatch (corruption on the way, a store that rewrote the body) is sent once more;
     * a second mismatch fails the batch as permanent, naming the path — sending it a third time would not help.
     */
    private UploadedFile uploadVerified(CdnTarget target, ContentFile file) {
        String md5 = Md5.hex(file.bytes());
        String etag = null;
        for (int attempt = 1; attempt <= 2; attempt++) {
            etag = put(target, file);
            if (md5.equals(etag)) {
                metrics.fileUploaded(file.bytes().length, attempt);
                return new UploadedFile(file.path(), md5, etag, file.bytes().length, attempt);
            }
            log.warn("Hash mismatch for {} (attempt {}): local MD5 {}, CDN ETag {}", file.path(), attempt, md5, etag);
        }
        metrics.uploadFailed();
        throw new CdnPublishException(CdnFailureKind.PERMANENT, file.path(),
                                      "Hash mismatch for " + file.path() + " after uploading it twice: local MD5 "
                                      + md5 + ", CDN ETag " + etag, null);
    }

    private String put(CdnTarget target, ContentFile file) {
        try {
            // data(bytes, length): exactly one part, so the ETag is the MD5 (decisions F9)
            return Md5.fromEtag(target.client().putObject(PutObjectArgs.builder()
                    .bucket(target.bucket())
                    .object(file.path())
                    .data(file.bytes(), file.bytes().length)
                    .contentType(contentType(file.path()))
                    .headers(Map.of("Cache-Control", cacheControl))
                    .build()).etag());
        } catch (Exception e) {
            metrics.uploadFailed();
            throw S3Failures.classify("Upload of", file.path(), e);
        }
    }

    private static String contentType(String path) {
        return path.endsWith(".json") ? JSON : "application/octet-stream";
    }

    // ---- deletions ----------------------------------------------------------------------------------------------

    @Override
    public DeleteReport delete(Collection<String> paths) {
        if (paths.isEmpty()) {
            return DeleteReport.nothing();
        }
        return recorded(() -> deleteKeys(targets.get().requireConfigured(), List.copyOf(new LinkedHashSet<>(paths))));
    }

    @Override
    public DeleteReport deletePlan(String planId) {
        String prefix = ExportPaths.planFolder(planId) + "/"; // the slash keeps plans/P10 out of plans/P1
        return recorded(() -> {
            CdnTarget target = targets.get().requireConfigured();
            List<String> keys = listObjects(target, prefix).stream().map(RemoteObject::key).toList();
            return deleteKeys(target, keys);
        });
    }

    private DeleteReport deleteKeys(CdnTarget target, List<String> keys) {
        List<String> deleted = new ArrayList<>(keys.size());
        int requests = 0;
        for (int from = 0; from < keys.size(); from += MAX_KEYS_PER_DELETE) {
            List<String> batch = keys.subList(from, Math.min(keys.size(), from + MAX_KEYS_PER_DELETE));
            List<DeleteRequest.Object> objects = batch.stream().map(DeleteRequest.Object::new).toList();
            requests++;
            try {
                // the result is lazy: iterating it sends the request and reads every per-key error
                for (Result<DeleteResult.Error> result : target.client().removeObjects(
                        RemoveObjectsArgs.builder().bucket(target.bucket()).objects(objects).build())) {
                    DeleteResult.Error error = result.get();
                    throw new CdnPublishException(S3Failures.kindOf(error.code(), 0), error.objectName(),
                                                  "Deletion of " + error.objectName() + " failed: " + error.code()
                                                  + " (" + error.message() + ")", null);
                }
            } catch (Exception e) {
                throw S3Failures.classify("Deletion of", batch.get(0) + (batch.size() > 1 ? " and "
                                                                          + (batch.size() - 1) + " more" : ""), e);
            }
            deleted.addAll(batch);
        }
        return new DeleteReport(deleted, requests);
    }

    // ---- listing ------------------------------------------------------------------------------------------------

    @Override
    public List<RemoteObject> list(String prefix) {
        return recorded(() -> listObjects(targets.get().requireConfigured(), prefix));
    }

    private static List<RemoteObject> listObjects(CdnTarget target, String prefix) {
        List<RemoteObject> objects = new ArrayList<>();
        try {
            for (Result<Item> result : target.client().listObjects(ListObjectsArgs.builder()
                    .bucket(target.bucket()).prefix(prefix).recursive(true).build())) {
                Item item = result.get();
                if (!item.isDir()) {
                    objects.add(new RemoteObject(item.objectName(), Md5.fromEtag(item.etag()), item.size()));
                }
            }
            return objects;
        } catch (Exception e) {
            throw S3Failures.classify("Listing of", prefix, e);
        }
    }

    // ---- health and lifecycle -----------------------------------------------------------------------------------

    private <T> T recorded(Supplier<T> operation) {
        try {
            T result = operation.get();
            outcomes.recordSuccess();
            return result;
        } catch (CdnPublishException failure) {
            outcomes.recordFailure(failure.getMessage());
            throw failure;
        }
    }

    @Override
    public void close() {
        uploads.shutdownNow();
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger number = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "cdn-upload-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
