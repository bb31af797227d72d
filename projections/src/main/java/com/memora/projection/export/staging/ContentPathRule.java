package com.memora.projection.export.staging;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a relative content path may look like (decisions I1): {@code /}-separated segments of letters, digits,
 * {@code _ . -} that start with a letter or digit, so no absolute or drive path, no {@code ..}, no hidden file and
 * no empty segment; the names of {@code .prev} and temporary files belong to the store itself. One rule for every
 * place a path comes in: the local store, the local origin ({@code /files/memora_content/**}) and the URL resolver
 * ({@code /api/content-url?path=}).
 */
public final class ContentPathRule {

    public static final String PREVIOUS_SUFFIX = ".prev";
    public static final String TEMPORARY_MARKER = ".tmp.";
    public static final int MAX_LENGTH = 1024;
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,127}");

    private ContentPathRule() {
    }

    /** Why the path is not a plain relative content path, or empty when it is one. */
    public static Optional<String> problem(String relativePath) {
        if (relativePath == null || relativePath.isEmpty()) {
            return Optional.of("the path is empty");
        }
        if (relativePath.length() > MAX_LENGTH) {
            return Optional.of("the path is longer than " + MAX_LENGTH);
        }
        for (String segment : relativePath.split("/", -1)) {
            Optional<String> problem = segmentProblem(segment);
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    public static boolean isValid(String relativePath) {
        return problem(relativePath).isEmpty();
    }

    /** A name the store uses for content, as opposed to its own {@code .prev} and temporary files. */
    public static boolean isContentFileName(String name) {
        return !name.endsWith(PREVIOUS_SUFFIX) && !name.contains(TEMPORARY_MARKER);
    }

    private static Optional<String> segmentProblem(String segment) {
        if (segment.isEmpty()) {
            return Optional.of("it is absolute or has an empty segment");
        }
        if (segment.equals("..") || segment.equals(".")) {
            return Optional.of("'" + segment + "' segments are not allowed");
        }
        if (!SEGMENT.matcher(segment).matches()) {
            return Optional.of("segment '" + segment + "' must start with a letter or digit and contain only"
                               + " letters, digits, '_', '.', '-'");
        }
        if (!isContentFileName(segment)) {
            return Optional.of("'.prev' and '.tmp.' names belong to the store itself");
        }
        return Optional.empty();
    }
}
