package com.memora.projection.export.cdn;

import java.util.List;
import java.util.Objects;

/**
 * A CDN operation failed. It says whether a retry can help ({@link #kind()}), which path it failed on (null when
 * the failure concerns no single file, such as a listing), and which files did reach the bucket before it, each
 * verified, so a retry or a sync log knows where the batch stopped.
 */
public class CdnPublishException extends RuntimeException {

    private final CdnFailureKind kind;
    private final String path;
    private final List<UploadedFile> completed;

    public CdnPublishException(CdnFailureKind kind, String path, String message, Throwable cause,
                               List<UploadedFile> completed) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.path = path;
        this.completed = List.copyOf(completed);
    }

    public CdnPublishException(CdnFailureKind kind, String path, String message, Throwable cause) {
        this(kind, path, message, cause, List.of());
    }

    public CdnFailureKind kind() {
        return kind;
    }

    public boolean isTransient() {
        return kind == CdnFailureKind.TRANSIENT;
    }

    /** The relative path the operation failed on, or null. */
    public String path() {
        return path;
    }

    /** Files uploaded and verified before the failure, in the order they completed. */
    public List<UploadedFile> completed() {
        return completed;
    }

    /** The same failure, with the files a batch completed before it. */
    public CdnPublishException withCompleted(List<UploadedFile> completedFiles) {
        return new CdnPublishException(kind, path, getMessage(), getCause(), completedFiles);
    }
}
