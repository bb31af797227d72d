package com.memora.projection.export.cdn;

import java.util.List;

/**
 * What a deletion removed from the bucket. Deleting a key that is not there is not an error (S3 answers the same
 * for both), so {@code deleted} lists every key asked for that is now gone.
 *
 * @param requests the number of multi-object delete requests sent (at most 1,000 keys each)
 */
public record DeleteReport(List<String> deleted, int requests) {

    public DeleteReport {
        deleted = List.copyOf(deleted);
    }

    public static DeleteReport nothing() {
        return new DeleteReport(List.of(), 0);
    }
}
