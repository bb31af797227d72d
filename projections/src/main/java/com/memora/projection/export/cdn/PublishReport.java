package com.memora.projection.export.cdn;

import java.time.Duration;
import java.util.List;

/**
 * What an upload or sync did: the files uploaded (each verified, in completion order) and, for a sync, the files
 * skipped because the bucket already held exactly their bytes. Every uploaded file was verified, so
 * {@code sync_verified} is true whenever a report is returned; a file that cannot be verified fails the batch.
 *
 * @param unchanged paths the sync did not upload: their remote ETag already equalled the local MD5 (F5)
 */
public record PublishReport(List<UploadedFile> uploaded, List<String> unchanged, Duration took) {

    public PublishReport {
        uploaded = List.copyOf(uploaded);
        unchanged = List.copyOf(unchanged);
    }

    public boolean verified() {
        return uploaded.stream().allMatch(file -> file.localMd5().equals(file.cdnEtag()));
    }

    public long bytesUploaded() {
        return uploaded.stream().mapToLong(UploadedFile::size).sum();
    }

    public List<String> uploadedPaths() {
        return uploaded.stream().map(UploadedFile::path).toList();
    }
}
