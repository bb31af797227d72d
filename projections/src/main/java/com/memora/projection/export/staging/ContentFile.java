package com.memora.projection.export.staging;

import java.util.Objects;

/** A file to stage: its path relative to the content root and its bytes. */
public record ContentFile(String path, byte[] bytes) {

    public ContentFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(bytes, "bytes");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ContentFile that && path.equals(that.path)
               && java.util.Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return 31 * path.hashCode() + java.util.Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "ContentFile[" + path + ", " + bytes.length + " bytes]";
    }
}
