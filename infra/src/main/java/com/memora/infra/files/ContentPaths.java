package com.memora.infra.files;

import com.memora.projection.export.staging.ContentPathRejectedException;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Turns a relative content path into a file under the root, or refuses it (decisions I1). A path is accepted only
 * when it is plain: segments of letters, digits, {@code _ . -} that start with a letter or digit (so no {@code ..},
 * no hidden files, no absolute or drive paths), and no segment may be a symbolic link (so nothing can lead
 * outside the root). The names of {@code .prev} and temporary files are reserved to the store itself.
 */
final class ContentPaths {

    static final String PREVIOUS_SUFFIX = ".prev";
    static final String TEMPORARY_MARKER = ".tmp.";
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,127}");
    private static final int MAX_LENGTH = 1024;

    private final Path realRoot;

    ContentPaths(Path realRoot) {
        this.realRoot = realRoot;
    }

    /** A file or directory strictly under the root. */
    Path resolve(String relativePath) {
        if (relativePath == null || relativePath.isEmpty()) {
            throw new ContentPathRejectedException(relativePath, "the path is empty");
        }
        if (relativePath.length() > MAX_LENGTH) {
            throw new ContentPathRejectedException(relativePath, "the path is longer than " + MAX_LENGTH);
        }
        for (String segment : relativePath.split("/", -1)) {
            checkSegment(relativePath, segment);
        }
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
        return !name.endsWith(PREVIOUS_SUFFIX) && !name.contains(TEMPORARY_MARKER);
    }

    private static void checkSegment(String path, String segment) {
        if (segment.isEmpty()) {
            throw new ContentPathRejectedException(path, "it is absolute or has an empty segment");
        }
        if (segment.equals("..") || segment.equals(".")) {
            throw new ContentPathRejectedException(path, "'" + segment + "' segments are not allowed");
        }
        if (!SEGMENT.matcher(segment).matches()) {
            throw new ContentPathRejectedException(path, "segment '" + segment + "' must start with a letter or"
                                                         + " digit and contain only letters, digits, '_', '.', '-'");
        }
        if (!isContentFileName(segment)) {
            throw new ContentPathRejectedException(path, "'.prev' and '.tmp.' names belong to the store itself");
        }
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
