package com.memora.projection.export.cdn;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The result of comparing every local file with the bucket (issue 5 point 8; domain §11.5): files missing on the
 * CDN, objects on the CDN that no local file has (extra), and files whose bytes differ (local MD5 ≠ ETag). Counts
 * are exact; the path lists are capped at {@code listLimit} each, sorted, so a report stays small even when a
 * whole bucket is missing.
 *
 * @param scope the compared prefix, {@code plans/} or one plan's {@code plans/{id}/}
 */
public record ParityReport(Instant checkedAt,
                           String scope,
                           int localFiles,
                           int cdnObjects,
                           int matching,
                           int missingOnCdnCount,
                           List<String> missingOnCdn,
                           int extraOnCdnCount,
                           List<String> extraOnCdn,
                           int mismatchedCount,
                           List<Mismatch> mismatched) {

    public ParityReport {
        missingOnCdn = List.copyOf(missingOnCdn);
        extraOnCdn = List.copyOf(extraOnCdn);
        mismatched = List.copyOf(mismatched);
    }

    /** A file whose bytes on the CDN are not the local ones. */
    public record Mismatch(String path, String localMd5, String cdnEtag) {
    }

    /** Local and CDN hold exactly the same files with the same bytes. */
    @JsonProperty("clean")
    public boolean clean() {
        return missingOnCdnCount == 0 && extraOnCdnCount == 0 && mismatchedCount == 0;
    }

    /** Whether some path lists were cut at the limit. */
    @JsonProperty("truncated")
    public boolean truncated() {
        return missingOnCdn.size() < missingOnCdnCount || extraOnCdn.size() < extraOnCdnCount
               || mismatched.size() < mismatchedCount;
    }

    /**
     * @param localMd5  relative path → MD5 hex of the local file
     * @param cdnEtags  key → ETag (quotes stripped) of the objects under the same scope
     */
    public static ParityReport compare(Instant checkedAt, String scope, Map<String, String> localMd5,
                                       Map<String, String> cdnEtags, int listLimit) {
        int matching = 0;
        int missingCount = 0;
        int mismatchedCount = 0;
        List<String> missing = new ArrayList<>();
        List<Mismatch> mismatched = new ArrayList<>();
        for (String path : new TreeSet<>(localMd5.keySet())) {
            String etag = cdnEtags.get(path);
            if (etag == null) {
                missingCount++;
                addCapped(missing, path, listLimit);
            } else if (!etag.equalsIgnoreCase(localMd5.get(path))) {
                mismatchedCount++;
                addCapped(mismatched, new Mismatch(path, localMd5.get(path), etag), listLimit);
            } else {
                matching++;
            }
        }
        int extraCount = 0;
        List<String> extra = new ArrayList<>();
        for (String key : new TreeSet<>(cdnEtags.keySet())) {
            if (!localMd5.containsKey(key)) {
                extraCount++;
                addCapped(extra, key, listLimit);
            }
        }
        return new ParityReport(checkedAt, scope, localMd5.size(), cdnEtags.size(), matching, missingCount, missing,
                                extraCount, extra, mismatchedCount, mismatched);
    }

    private static <T> void addCapped(List<T> list, T item, int limit) {
        if (list.size() < limit) {
            list.add(item);
        }
    }
}
