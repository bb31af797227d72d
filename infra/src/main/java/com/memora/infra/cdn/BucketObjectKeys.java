package com.memora.infra.cdn;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Which stored video URLs point into our own bucket, and at which key (domain §9.1, decisions F7). Only those are
 * signed; everything else is an external link and stays as the editor stored it. A URL is ours when it is
 * <ul>
 *     <li>a bare key, {@code videos/intro.mp4} (a leading {@code {bucket}/} is dropped, as in the original);</li>
 *     <li>{@code s3://{bucket}/{key}};</li>
 *     <li>path style on our endpoint, {@code {endpoint}/{bucket}/{key}} (same scheme, host and port);</li>
 *     <li>virtual-host style on our endpoint, {@code https://{bucket}.{endpoint host}/{key}}.</li>
 * </ul>
 * A URL on our endpoint but in another bucket, or on any other host, is external. Query strings (an old signature
 * pasted with the link) are dropped from our own links, since the new signature replaces them.
 */
final class BucketObjectKeys {

    private BucketObjectKeys() {
    }

    static Optional<String> keyOf(String storedUrl, String endpoint, String bucket) {
        if (storedUrl == null || storedUrl.isBlank() || bucket == null || bucket.isBlank()) {
            return Optional.empty();
        }
        URI url;
        try {
            url = new URI(storedUrl.trim());
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        if (url.getScheme() == null) {
            return bareKey(url.getPath(), bucket);
        }
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("s3")) {
            return bucket.equals(url.getHost()) ? nonEmpty(stripSlash(url.getPath())) : Optional.empty();
        }
        if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null || endpoint == null) {
            return Optional.empty();
        }
        URI store = URI.create(endpoint);
        if (store.getHost() == null || !scheme.equalsIgnoreCase(store.getScheme())
            || port(url) != port(store)) {
            return Optional.empty();
        }
        String host = url.getHost().toLowerCase(Locale.ROOT);
        String storeHost = store.getHost().toLowerCase(Locale.ROOT);
        String path = stripSlash(url.getPath());
        String storePath = stripSlash(store.getPath());
        if (!storePath.isEmpty()) {
            if (!path.startsWith(storePath + "/")) {
                return Optional.empty();
            }
            path = path.substring(storePath.length() + 1);
        }
        if (host.equals(storeHost)) {
            return path.startsWith(bucket + "/") ? nonEmpty(path.substring(bucket.length() + 1)) : Optional.empty();
        }
        if (host.equals(bucket + "." + storeHost)) {
            return nonEmpty(path);
        }
        return Optional.empty();
    }

    private static Optional<String> bareKey(String path, String bucket) {
        if (path == null) {
            return Optional.empty();
        }
        String key = stripSlash(path);
        if (key.startsWith(bucket + "/")) {
            key = key.substring(bucket.length() + 1);
        }
        return nonEmpty(key);
    }

    private static String stripSlash(String path) {
        String stripped = Objects.requireNonNullElse(path, "");
        while (stripped.startsWith("/")) {
            stripped = stripped.substring(1);
        }
        return stripped;
    }

    private static Optional<String> nonEmpty(String key) {
        return key.isEmpty() || key.endsWith("/") ? Optional.empty() : Optional.of(key);
    }

    private static int port(URI url) {
        if (url.getPort() != -1) {
            return url.getPort();
        }
        return "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
    }
}
