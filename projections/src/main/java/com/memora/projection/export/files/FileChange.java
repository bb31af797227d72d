package com.memora.projection.export.files;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * How a freshly built file relates to the bytes already published at its path (decisions F5). The pipeline
 * writes only {@link #NEW} and {@link #CHANGED} files; a {@link #SAME_MEANING} file keeps its previous bytes, so it
 * is not rewritten, uploaded or purged.
 */
public enum FileChange {

    /** Nothing was published at this path. */
    NEW,
    /** The meaning differs (or the previous bytes are not readable JSON). */
    CHANGED,
    /** Same meaning: the previous bytes stay, with their older version, generation time and signatures. */
    SAME_MEANING;

    /** @param previousBytes the bytes published at the file's path, or null when there are none */
    public static FileChange of(GeneratedFile fresh, byte[] previousBytes) {
        if (previousBytes == null) {
            return NEW;
        }
        if (Arrays.equals(previousBytes, fresh.bytes())) {
            return SAME_MEANING;
        }
        JsonNode previous = parsedOrNull(previousBytes);
        return previous == null ? CHANGED : compared(fresh, previous);
    }

    private static FileChange compared(GeneratedFile fresh, JsonNode previous) {
        return MeaningHash.of(previous).equals(fresh.meaningHash()) ? SAME_MEANING : CHANGED;
    }

    /**
     * Whether a build writes this file: new, its meaning changed (F5), or its signed links are due for renewal
     * (F7). The published bytes are parsed once for both questions — a build asks it for every file of the plan.
     *
     * @param previousBytes the bytes published at the file's path, or null when there are none
     */
    public static boolean mustWrite(GeneratedFile fresh, byte[] previousBytes) {
        if (previousBytes == null) {
            return true;
        }
        if (Arrays.equals(previousBytes, fresh.bytes())) {
            return false; // same bytes: same meaning and the same links
        }
        JsonNode previous = parsedOrNull(previousBytes);
        return previous == null || compared(fresh, previous).mustWrite() || SignedLinkRenewal.due(fresh, previous);
    }

    private static JsonNode parsedOrNull(byte[] bytes) {
        try {
            return ExportJson.parse(bytes);
        } catch (UncheckedIOException corrupt) {
            return null; // not readable JSON: rewritten
        }
    }

    public boolean mustWrite() {
        return this != SAME_MEANING;
    }
}
