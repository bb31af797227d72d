package com.memora.projection.export.files;

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
        try {
            return MeaningHash.of(previousBytes).equals(fresh.meaningHash()) ? SAME_MEANING : CHANGED;
        } catch (UncheckedIOException corrupt) {
            return CHANGED;
        }
    }

    public boolean mustWrite() {
        return this != SAME_MEANING;
    }
}
