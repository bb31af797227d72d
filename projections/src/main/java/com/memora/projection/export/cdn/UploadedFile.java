package com.memora.projection.export.cdn;

/**
 * One file that reached the bucket and was verified: the store's ETag equals the MD5 of the local bytes.
 *
 * @param localMd5 MD5 (hex) of the bytes uploaded
 * @param cdnEtag  the ETag the store returned, quotes stripped
 * @param attempts 1, or 2 when the first upload came back with a different ETag and was sent again
 */
public record UploadedFile(String path, String localMd5, String cdnEtag, long size, int attempts) {
}
