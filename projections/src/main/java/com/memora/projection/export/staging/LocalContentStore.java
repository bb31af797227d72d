package com.memora.projection.export.staging;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The local copy of every generated file (domain §11, decisions F9, O3, O5, I1): written first, whatever the CDN
 * does, under one content root that mirrors the bucket's paths. Paths are relative, with {@code /} separators
 * ({@code plans/P1/lessons/L2.json}); every one is proven to stay under the root before it is touched.
 * <p>
 * A write never leaves a moment without a file: the current file is hard-linked to {@code <file>.prev}, the new
 * bytes go to a temporary file in the same directory, are flushed to disk, and renamed over the current file
 * atomically; then the directory is flushed. Readers see the old file or the new one, never nothing and never
 * a part. Exactly one previous version ({@code .prev}) is kept.
 * <p>
 * Failures are specific exceptions, all {@link LocalContentStoreException}s: low disk, a rejected path, a denied
 * permission or another I/O error. None of them leaves a partial file behind.
 */
public interface LocalContentStore {

    /**
     * Writes the file atomically, unless it already holds exactly these bytes.
     *
     * @return {@link WriteOutcome#UNCHANGED} when the file already had these bytes: nothing was touched, its
     *         {@code .prev} included
     * @throws InsufficientDiskSpaceException when free disk is below the configured minimum; nothing is written
     * @throws ContentPathRejectedException   when the path is not a plain relative path under the root (I1)
     * @throws ContentStorageException    when the file system refuses (permission, read-only, I/O)
     */
    WriteOutcome write(String relativePath, byte[] bytes);

    /**
     * Writes several files, each exactly as {@link #write} does (the disk guard, the unchanged check, {@code .prev},
     * temporary file, {@code fsync}, atomic rename), but flushes each directory once after the last file rather
     * than once per file: the way to stage a plan's files. Readers see every file old or new, never missing or
     * partial, at every moment. Files are written in the order given (decisions F3: pass them in publication
     * order) and the first failure stops the batch; the files before it are written, each complete, and their
     * directories flushed.
     *
     * @return the outcome per path, in the order given
     */
    Map<String, WriteOutcome> writeAll(List<ContentFile> files);

    /** The current bytes of the file, or empty when there is none. */
    Optional<byte[]> read(String relativePath);

    boolean exists(String relativePath);

    /**
     * Removes the file, its {@code .prev} and any temporary file left by an interrupted write, then every parent
     * directory that became empty, up to (not including) the root. A missing file is not an error.
     *
     * @return whether anything was removed
     */
    boolean delete(String relativePath);

    /**
     * Removes a directory with everything in it (a deleted plan's {@code plans/P1}), then the parents that became
     * empty. A missing directory is not an error; the root itself cannot be removed.
     *
     * @return whether anything was removed
     */
    boolean deleteDirectory(String relativePath);

    /** Every content file under the root, sorted; {@code .prev} and temporary files are not content. */
    List<String> list();

    /** Every content file under a directory of the root (for example one plan's folder), sorted. */
    List<String> list(String relativeDirectory);

    /** Free and total space of the volume that holds the root, for health checks and alerts (O5). */
    DiskSpace diskSpace();

    /** The share of free disk below which nothing is written. */
    double minimumFreePercent();

    /**
     * Checks free space before a plan's build starts writing, so a build on a nearly full disk stops before its
     * first file rather than halfway.
     *
     * @throws InsufficientDiskSpaceException when free disk is below the configured minimum
     */
    void requireFreeSpace();
}
