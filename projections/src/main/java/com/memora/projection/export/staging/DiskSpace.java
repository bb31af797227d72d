package com.memora.projection.export.staging;

import java.util.Locale;

/** Free and total bytes of a volume. */
public record DiskSpace(long freeBytes, long totalBytes) {

    public DiskSpace {
        if (freeBytes < 0 || totalBytes < 0 || freeBytes > totalBytes) {
            throw new IllegalArgumentException("free " + freeBytes + " of total " + totalBytes + " bytes");
        }
    }

    /** 0–100; a volume that reports no size at all counts as full. */
    public double freePercent() {
        return totalBytes == 0 ? 0.0 : 100.0 * freeBytes / totalBytes;
    }

    /** {@code 7.3% free (1.2 GiB of 16.0 GiB)} */
    public String describe() {
        return String.format(Locale.ROOT, "%.1f%% free (%s of %s)", freePercent(), bytes(freeBytes),
                             bytes(totalBytes));
    }

    private static String bytes(long count) {
        double gib = count / (1024.0 * 1024 * 1024);
        return gib >= 1 ? String.format(Locale.ROOT, "%.1f GiB", gib)
                        : String.format(Locale.ROOT, "%.1f MiB", count / (1024.0 * 1024));
    }
}
