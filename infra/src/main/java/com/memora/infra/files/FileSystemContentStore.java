package com.memora.infra.files;

import com.memora.projection.export.staging.ContentFile;
import com.memora.projection.export.staging.ContentPathRejectedException;
import com.memora.projection.export.staging.ContentStorageException;
import com.memora.projection.export.staging.DiskSpace;
import com.memora.projection.export.staging.InsufficientDiskSpaceException;
import com.memora.projection.export.staging.LocalContentStore;
import com.memora.projection.export.staging.WriteOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The local content store on a real directory (decisions F9, O5, I1; domain §11.2, §11.4).
 * <p>
 * A write, in this order: the disk guard; the unchanged check (same bytes: nothing is touched); the current file
 * hard-linked to a temporary name and renamed over {@code <file>.prev} (so there is always exactly one previous
 * version, replaced atomically); the new bytes written to {@code <file>.tmp.<uuid>} in the same directory and
 * flushed ({@code fsync}); the temporary file renamed over the current one atomically; the directory flushed. A
 * reader opening the file at any moment gets the old bytes or the new ones, whole.
 * <p>
 * {@link #writeAll} does the same per file and flushes each directory once at the end of the batch, which halves
 * the flushes of a plan's build.
 * <p>
 * Two writers of one path both finish; the last rename wins and the file is complete. Failures become specific
 * {@link com.memora.projection.export.staging.LocalContentStoreException}s and never leave a temporary file.
 */
public final class FileSystemContentStore implements LocalContentStore {

    private static final Logger LOG = LoggerFactory.getLogger(FileSystemContentStore.class);

    private final ContentPaths paths;
    private final double minimumFreePercent;
    private final FreeSpaceProbe freeSpace;

    /**
     * @param root               created when missing; may itself be a link to a shared volume (O7)
     * @param minimumFreePercent below this share of free disk nothing is written (O5: 10)
     */
    public FileSystemContentStore(Path root, double minimumFreePercent, FreeSpaceProbe freeSpace) {
        if (minimumFreePercent < 0 || minimumFreePercent >= 100) {
            throw new IllegalArgumentException("minimum free disk must be 0 to below 100 percent, not "
                                               + minimumFreePercent);
        }
        try {
            Files.createDirectories(root);
            this.paths = new ContentPaths(root.toRealPath());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the content root " + root.toAbsolutePath(), e);
        }
        this.minimumFreePercent = minimumFreePercent;
        this.freeSpace = freeSpace;
    }

    /** The content root, with links resolved. */
    public Path root() {
        return paths.root();
    }

    // ---- writing ------------------------------------------------------------------------------------------------

    @Override
    public WriteOutcome write(String relativePath, byte[] bytes) {
        Path target = paths.resolve(relativePath);
        requireFreeSpace(relativePath);
        WriteOutcome outcome = writeWithRetry(relativePath, target, bytes);
        if (outcome == WriteOutcome.WRITTEN) {
            flushDirectory(target.getParent());
        }
        return outcome;
    }

    @Override
    public Map<String, WriteOutcome> writeAll(List<ContentFile> files) {
        Map<String, WriteOutcome> outcomes = new LinkedHashMap<>();
        Set<Path> touchedDirectories = new LinkedHashSet<>();
        try {
            for (ContentFile file : files) {
                Path target = paths.resolve(file.path());
                requireFreeSpace(file.path());
                WriteOutcome outcome = writeWithRetry(file.path(), target, file.bytes());
                if (outcome == WriteOutcome.WRITTEN) {
                    touchedDirectories.add(target.getParent());
                }
                outcomes.put(file.path(), outcome);
            }
        } finally {
            touchedDirectories.forEach(FileSystemContentStore::flushDirectory);
        }
        return outcomes;
    }

    private static WriteOutcome writeWithRetry(String relativePath, Path target, byte[] bytes) {
        for (int attempt = 1; ; attempt++) {
            try {
                return writeOnce(relativePath, target, bytes);
            } catch (NoSuchFileException vanished) {
                // A concurrent delete removed the file or pruned its empty directory between two steps:
                // start once more from the top, which recreates the directory.
                if (attempt == 2) {
                    throw failure(relativePath, "write", target, vanished);
                }
            } catch (IOException e) {
                throw failure(relativePath, "write", target, e);
            }
        }
    }

    /** Everything of a write but the directory flush, which the caller does once per directory. */
    private static WriteOutcome writeOnce(String relativePath, Path target, byte[] bytes) throws IOException {
        Path directory = target.getParent();
        Files.createDirectories(directory);
        if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new ContentPathRejectedException(relativePath, "it is a directory");
        }
        boolean exists = Files.exists(target, LinkOption.NOFOLLOW_LINKS);
        if (exists && holds(target, bytes)) {
            return WriteOutcome.UNCHANGED;
        }
        if (exists) {
            keepAsPrevious(target);
        }
        replaceAtomically(target, bytes);
        return WriteOutcome.WRITTEN;
    }

    private static boolean holds(Path file, byte[] bytes) throws IOException {
        return Files.size(file) == bytes.length && Arrays.equals(Files.readAllBytes(file), bytes);
    }

    /** The current file becomes the one {@code .prev}, replacing the old one in a single rename. */
    private static void keepAsPrevious(Path target) throws IOException {
        Path previous = sibling(target, ContentPaths.PREVIOUS_SUFFIX);
        Path link = temporarySibling(target, ContentPaths.PREVIOUS_SUFFIX);
        try {
            try {
                Files.createLink(link, target);
            } catch (UnsupportedOperationException noHardLinks) {
                Files.copy(target, link, StandardCopyOption.COPY_ATTRIBUTES);
            }
            Files.move(link, previous, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            removeLeftover(link);
        }
    }

    private static void replaceAtomically(Path target, byte[] bytes) throws IOException {
        Path temporary = temporarySibling(target, "");
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW,
                                                        StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            removeLeftover(temporary);
        }
    }

    /**
     * Removes a temporary file after a failed step (after a successful rename there is none). Quietly: the failure
     * that matters is the one already on its way; a leftover that cannot be removed is ignored by listings and
     * removed by the next delete of its file.
     */
    private static void removeLeftover(Path temporary) {
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException e) {
            LOG.debug("Cannot remove temporary file {}: {}", temporary, e.toString());
        }
    }

    /** Makes the rename durable. Some platforms cannot open a directory; the rename itself has happened. */
    private static void flushDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            LOG.debug("Cannot flush directory {}: {}", directory, e.toString());
        }
    }

    private static Path sibling(Path file, String suffix) {
        return file.resolveSibling(file.getFileName() + suffix);
    }

    private static Path temporarySibling(Path file, String suffix) {
        return file.resolveSibling(file.getFileName() + suffix + ContentPaths.TEMPORARY_MARKER + UUID.randomUUID());
    }

    // ---- reading ------------------------------------------------------------------------------------------------

    @Override
    public Optional<byte[]> read(String relativePath) {
        Path file = paths.resolve(relativePath);
        try {
            return Optional.of(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw failure(relativePath, "read", file, e);
        }
    }

    @Override
    public boolean exists(String relativePath) {
        return Files.isRegularFile(paths.resolve(relativePath), LinkOption.NOFOLLOW_LINKS);
    }

    @Override
    public List<String> list() {
        return listUnder(paths.root());
    }

    @Override
    public List<String> list(String relativeDirectory) {
        return listUnder(paths.resolve(relativeDirectory));
    }

    /**
     * Walks the tree file by file. A file or folder that disappears while the walk is under way (a plan deleted,
     * a temporary file renamed into place) is simply not listed: a full scan of a live tree must not fail on it.
     */
    private List<String> listUnder(Path directory) {
        if (!Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        List<String> found = new ArrayList<>();
        try {
            Files.walkFileTree(directory, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (attributes.isRegularFile()
                        && ContentPaths.isContentFileName(file.getFileName().toString())) {
                        found.add(paths.relative(file));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                    if (e instanceof NoSuchFileException) {
                        return FileVisitResult.CONTINUE;
                    }
                    throw e;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path folder, IOException e) throws IOException {
                    if (e == null || e instanceof NoSuchFileException) {
                        return FileVisitResult.CONTINUE;
                    }
                    throw e;
                }
            });
        } catch (IOException e) {
            throw failure(paths.relative(directory), "list", directory, e);
        }
        found.sort(null);
        return List.copyOf(found);
    }

    // ---- deleting -----------------------------------------------------------------------------------------------

    @Override
    public boolean delete(String relativePath) {
        Path file = paths.resolve(relativePath);
        try {
            boolean removed = Files.deleteIfExists(file);
            removed |= Files.deleteIfExists(sibling(file, ContentPaths.PREVIOUS_SUFFIX));
            removed |= deleteTemporaries(file);
            pruneEmptyParents(file.getParent());
            return removed;
        } catch (IOException e) {
            throw failure(relativePath, "delete", file, e);
        }
    }

    /** Temporary files an interrupted write of this file left behind. */
    private static boolean deleteTemporaries(Path file) throws IOException {
        Path directory = file.getParent();
        if (!Files.isDirectory(directory)) {
            return false;
        }
        List<Path> leftovers = new ArrayList<>();
        String name = file.getFileName().toString();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, entry -> {
            String entryName = entry.getFileName().toString();
            return entryName.startsWith(name + ContentPaths.TEMPORARY_MARKER)
                   || entryName.startsWith(name + ContentPaths.PREVIOUS_SUFFIX + ContentPaths.TEMPORARY_MARKER);
        })) {
            entries.forEach(leftovers::add);
        }
        boolean removed = false;
        for (Path leftover : leftovers) {
            removed |= Files.deleteIfExists(leftover);
        }
        return removed;
    }

    @Override
    public boolean deleteDirectory(String relativePath) {
        Path directory = paths.resolve(relativePath);
        if (!Files.exists(directory, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        if (!Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
            throw new ContentPathRejectedException(relativePath, "it is a file, not a directory");
        }
        try {
            Files.walkFileTree(directory, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException error) throws IOException {
                    if (error != null) {
                        throw error;
                    }
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
            pruneEmptyParents(directory.getParent());
            return true;
        } catch (IOException e) {
            throw failure(relativePath, "delete", directory, e);
        }
    }

    /** Removes empty directories upwards, stopping at the first one that is not empty and never at the root. */
    private void pruneEmptyParents(Path directory) throws IOException {
        Path current = directory;
        while (current != null && current.startsWith(paths.root()) && !current.equals(paths.root())) {
            try {
                Files.delete(current);
            } catch (DirectoryNotEmptyException stillUsed) {
                return;
            } catch (NoSuchFileException alreadyGone) {
                // keep going up: a parent may still be empty
            }
            current = current.getParent();
        }
    }

    // ---- disk space ---------------------------------------------------------------------------------------------

    @Override
    public DiskSpace diskSpace() {
        try {
            return freeSpace.probe(paths.root());
        } catch (IOException e) {
            throw failure(null, "measure free space of", paths.root(), e);
        }
    }

    @Override
    public double minimumFreePercent() {
        return minimumFreePercent;
    }

    @Override
    public void requireFreeSpace() {
        requireFreeSpace(null);
    }

    private void requireFreeSpace(String path) {
        DiskSpace space = diskSpace();
        if (space.freePercent() < minimumFreePercent) {
            throw new InsufficientDiskSpaceException(path, space, minimumFreePercent);
        }
    }

    // ---- failures -----------------------------------------------------------------------------------------------

    private static ContentStorageException failure(String relativePath, String action, Path file, IOException e) {
        ContentStorageException.Reason reason = reasonOf(e);
        String what = relativePath == null ? file.toString() : relativePath;
        String message = switch (reason) {
            case PERMISSION_DENIED -> "Permission denied: cannot " + action + " " + what;
            case READ_ONLY_FILE_SYSTEM -> "Read-only file system: cannot " + action + " " + what;
            case IO_ERROR -> "Cannot " + action + " " + what;
        };
        return new ContentStorageException(relativePath, reason, message + " (" + describe(e) + ")", e);
    }

    private static ContentStorageException.Reason reasonOf(IOException e) {
        if (e instanceof AccessDeniedException) {
            return ContentStorageException.Reason.PERMISSION_DENIED;
        }
        String reason = e instanceof FileSystemException fileSystem ? fileSystem.getReason() : null;
        if (reason != null && reason.contains("Read-only file system")) {
            return ContentStorageException.Reason.READ_ONLY_FILE_SYSTEM;
        }
        if (reason != null && (reason.contains("Operation not permitted") || reason.contains("Permission denied"))) {
            return ContentStorageException.Reason.PERMISSION_DENIED;
        }
        return ContentStorageException.Reason.IO_ERROR;
    }

    private static String describe(IOException e) {
        if (e instanceof FileSystemException fileSystem) {
            return fileSystem.getFile() + (fileSystem.getReason() == null ? "" : ": " + fileSystem.getReason());
        }
        return e.toString();
    }
}
