package com.memora.projection.export.staging;

/**
 * The path is not a plain relative path under the content root (decisions I1): absolute, with {@code ..}, through
 * a symbolic link that leads elsewhere, or naming a {@code .prev} or temporary file. Nothing was touched.
 */
public final class ContentPathRejectedException extends LocalContentStoreException {

    public ContentPathRejectedException(String path, String reason) {
        super(path, "Refused content path '" + path + "': " + reason, null);
    }

    @Override
    public boolean permanent() {
        return true;
    }
}
