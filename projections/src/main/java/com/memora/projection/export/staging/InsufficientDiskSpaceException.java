package com.memora.projection.export.staging;

import java.util.Locale;

/**
 * Free disk is below the minimum: nothing was written (decisions O5). Not a failed attempt: the plan stays
 * pending and generation resumes by itself once space is back.
 */
public final class InsufficientDiskSpaceException extends LocalContentStoreException {

    /** How every message of this kind begins, so a pause reason can be recognised as a low-disk one. */
    public static final String MESSAGE_PREFIX = "Insufficient disk space:";

    private final DiskSpace space;
    private final double minimumPercent;

    public InsufficientDiskSpaceException(String path, DiskSpace space, double minimumPercent) {
        super(path, String.format(Locale.ROOT, MESSAGE_PREFIX + " %s, writing needs at least %.1f%% free",
                                  space.describe(), minimumPercent)
                    + (path == null ? "" : "; nothing was written to " + path), null);
        this.space = space;
        this.minimumPercent = minimumPercent;
    }

    public DiskSpace space() {
        return space;
    }

    public double minimumPercent() {
        return minimumPercent;
    }

    @Override
    public boolean permanent() {
        return false;
    }
}
