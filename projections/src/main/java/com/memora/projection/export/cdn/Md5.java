package com.memora.projection.export.cdn;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The MD5 of a file's bytes as lower-case hex: what an S3-compatible store returns as the ETag of a single-part
 * upload (decisions F9), so comparing the two proves the stored object holds exactly the local bytes (O3).
 */
public final class Md5 {

    private Md5() {
    }

    public static String hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has MD5", e);
        }
    }

    /** An ETag as stores send it ({@code "9e107d9d…"}, sometimes {@code W/"…"}) reduced to the bare hex. */
    public static String fromEtag(String etag) {
        if (etag == null) {
            return null;
        }
        String bare = etag.trim();
        if (bare.startsWith("W/")) {
            bare = bare.substring(2);
        }
        if (bare.length() >= 2 && bare.startsWith("\"") && bare.endsWith("\"")) {
            bare = bare.substring(1, bare.length() - 1);
        }
        return bare.toLowerCase(java.util.Locale.ROOT);
    }
}
