package com.memora.projection.export.staging;

/**
 * A local content operation that failed without leaving a partial file. {@link #permanent()} tells a pipeline
 * whether trying again without a change can help (decisions O2: permanent failures end {@code FAILED}).
 */
public abstract sealed class LocalContentStoreException extends RuntimeException
        permits InsufficientDiskSpaceException, ContentPathRejectedException, ContentStorageException {

    private final String path;

    protected LocalContentStoreException(String path, String message, Throwable cause) {
        super(message, cause);
        this.path = path;
    }

    /** The relative path concerned, or null for a check that concerns no single file. */
    public String path() {
        return path;
    }

    public abstract boolean permanent();
}
