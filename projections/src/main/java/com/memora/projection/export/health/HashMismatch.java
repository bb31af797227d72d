package com.memora.projection.export.health;

/** A file whose copy in the bucket is not the local one: local MD5 against the object's ETag. */
public record HashMismatch(String path, String localHash, String cdnHash) {
}
