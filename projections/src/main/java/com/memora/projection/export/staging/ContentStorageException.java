package com.memora.projection.export.staging;

/**
 * The file system refused an operation on one path (a write, read or delete). After a failed write the previous
 * file, if any, is still in place and no temporary file is left.
 */
public final class ContentStorageException extends LocalContentStoreException {

    public enum Reason {
        /** The process may not write there (permissions, an immutable directory): an operator must act. */
        PERMISSION_DENIED(true),
        /** The volume is mounted read-only: an operator must act. */
        READ_ONLY_FILE_SYSTEM(true),
        /** Anything else (a full disk despite the guard, a flaky network volume): may pass on its own. */
        IO_ERROR(false);

        private final boolean permanent;

        Reason(boolean permanent) {
            this.permanent = permanent;
        }
    }

    private final Reason reason;

    public ContentStorageException(String path, Reason reason, String message, Throwable cause) {
        super(path, message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    @Override
    public boolean permanent() {
        return reason.permanent;
    }
}
