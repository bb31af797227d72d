package com.memora.projection.export.pipeline;

import com.memora.projection.export.files.FileKind;
import com.memora.projection.export.staging.ContentFile;
import com.memora.projection.export.staging.LocalContentStore;
import com.memora.projection.export.staging.WriteOutcome;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stages a plan's files with several writers at once, one publication level at a time (decisions F3): all lessons,
 * then all units, subjects, search shards, the index, the manifest. Each file still goes through the store's F9
 * write (hard link, temp file, fsync, atomic rename); the writers only overlap the waits for the disk, which is where
 * a 5,000-file build spends its time — one writer spends most of it waiting on fsync.
 * <p>
 * A level starts only when the one before it is complete, so no file is published before the files it links to.
 * When a writer fails, the other writers of that level finish their files (each complete), no later level starts,
 * and the first failure in publication order is thrown — the same contract as {@link LocalContentStore#writeAll}.
 */
public final class ParallelStaging implements AutoCloseable {

    /** Below this many files per writer, more writers cost more than they save. */
    static final int MIN_FILES_PER_WRITER = 64;

    private final LocalContentStore store;
    private final int writers;
    private final ExecutorService pool;

    /** @param writers how many files may be written at once; 1 writes everything in order on the caller's thread */
    public ParallelStaging(LocalContentStore store, int writers) {
        if (writers < 1) {
            throw new IllegalArgumentException("at least one writer, got " + writers);
        }
        this.store = store;
        this.writers = writers;
        AtomicInteger threads = new AtomicInteger();
        this.pool = writers == 1 ? null : Executors.newFixedThreadPool(writers, runnable -> {
            Thread thread = new Thread(runnable, "export-writer-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * @param files in publication order
     * @return the outcome per path, in the order given
     */
    public Map<String, WriteOutcome> writeAll(List<ContentFile> files) {
        Map<String, WriteOutcome> outcomes = new LinkedHashMap<>();
        for (List<ContentFile> level : levels(files)) {
            outcomes.putAll(writeLevel(level));
        }
        return outcomes;
    }

    private Map<String, WriteOutcome> writeLevel(List<ContentFile> level) {
        int parts = pool == null ? 1 : Math.min(writers, Math.max(1, level.size() / MIN_FILES_PER_WRITER));
        if (parts == 1) {
            return store.writeAll(level);
        }
        int size = (level.size() + parts - 1) / parts;
        List<Future<Map<String, WriteOutcome>>> running = new ArrayList<>();
        for (int from = 0; from < level.size(); from += size) {
            List<ContentFile> part = level.subList(from, Math.min(level.size(), from + size));
            running.add(pool.submit(() -> store.writeAll(part)));
        }
        Map<String, WriteOutcome> outcomes = new LinkedHashMap<>();
        RuntimeException first = null;
        for (Future<Map<String, WriteOutcome>> part : running) { // every writer ends before this level returns
            try {
                outcomes.putAll(part.get());
            } catch (ExecutionException e) {
                first = first != null ? first : unchecked(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                first = first != null ? first : new IllegalStateException("Interrupted while staging files", e);
            }
        }
        if (first != null) {
            throw first;
        }
        return outcomes;
    }

    /** Runs of files of one kind, in the order given: the publication levels. */
    static List<List<ContentFile>> levels(List<ContentFile> files) {
        List<List<ContentFile>> levels = new ArrayList<>();
        List<ContentFile> level = null;
        FileKind levelKind = null;
        for (ContentFile file : files) {
            FileKind kind = FileKind.ofPath(file.path()).orElse(null);
            if (level == null || kind != levelKind) {
                level = new ArrayList<>();
                levels.add(level);
                levelKind = kind;
            }
            level.add(file);
        }
        return levels;
    }

    private static RuntimeException unchecked(Throwable cause) {
        return cause instanceof RuntimeException runtime ? runtime
                                                         : new IllegalStateException("Staging failed", cause);
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
