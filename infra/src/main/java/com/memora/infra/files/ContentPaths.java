package com.memora.infra.files;

import com.memora.projection.export.staging.ContentPathRejectedException;
import com.memora.projection.export.staging.ContentPathRule;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Turns a relative content path into a file under the root, or refuses it (decisions I1). A path is accepted only
 * when it is plain ({@link ContentPathRule}: segments of letters, digits, {@code _ . -} that start with a letter or
 * digit, so no {@code ..}, no hidden files, no absolute or drive paths), and no segment may be a symbolic link (so
 * nothing can lead outside the root). The names of {@code .prev} and temporary files are reserved to the store.
 */
final class ContentPaths {

    static final String PREVIOUS_SUFFIX = ContentPathRule.PREVIOUS_SUFFIX;
    static final String TEMPORARY_MARKER = ContentPathRule.TEMPORARY_MARKER;

    private final Path realRoot;

    ContentPaths(Path realRoot) {
        this.realRoot = realRoot;
    }

    /** A file or directory strictly under the root. */
    Path resolve(String relativePath) {
        ContentPathRule.problem(relativePath).ifPresent(problem -> {
            throw new ContentPathRejectedException(relativePath, problem);
        });
        Path resolved = realRoot.resolve(relativePath).normalize();
        if (!resolved.startsWith(realRoot) || resolved.equals(realRoot)) {
            throw new ContentPathRejectedException(relativePath, "it does not lead to a file under the content root");
        }
        checkNoSymbolicLinks(relativePath, resolved);
        return resolved;
    }

    /** The path of a file under the root, relative and with {@code /} separators. */
    String relative(Path file) {
        return realRoot.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
    }

    Path root() {
        return realRoot;
    }

    static boolean isContentFileName(String name) {
        return ContentPathRule.isContentFileName(name);
    }

    /** Every existing component below the root must be a real directory or file, never a link. */
    private void checkNoSymbolicLinks(String path, Path resolved) {
        Path current = realRoot;
        for (Path name : realRoot.relativize(resolved)) {
            current = current.resolve(name);
            if (Files.isSymbolicLink(current)) {
                throw new ContentPathRejectedException(path, "'" + relative(current) + "' is a symbolic link;"
                                                             + " content paths never pass through links");
            }
            if (!Files.exists(current, LinkOption.NOFOLLOW_LINKS)) {
                return;
            }
        }
    }
}
