package com.memora.projection.export.cdn;

/** An object in the bucket as a listing shows it: its key and its ETag (quotes stripped). */
public record RemoteObject(String key, String etag, long size) {
}
