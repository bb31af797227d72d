package com.memora.projection.export.staging;

/** What a write did. */
public enum WriteOutcome {
    /** The file now holds the new bytes; the old ones are its {@code .prev}. */
    WRITTEN,
    /** The file already held exactly these bytes; nothing was touched. */
    UNCHANGED
}
