package com.memora.projection.export.cdn;

import java.util.Collection;

/**
 * Invalidates the CDN's cached copies of changed files (domain §9.3, decisions O6): the full URLs
 * ({@code {cdn_base_url}/{path}}) in requests of at most 30 URLs, within the provider's rate limits. Never throws:
 * a failed purge is logged and reported and never fails a build — the copies then expire on their own after the
 * {@code Cache-Control} max-age (5 minutes by default). Call it only for files whose bytes changed (F5).
 */
public interface CachePurge {

    PurgeReport purge(Collection<String> paths);
}
