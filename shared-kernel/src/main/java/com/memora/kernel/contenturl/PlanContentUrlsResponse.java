package com.memora.kernel.contenturl;

/**
 * @param source {@code cdn} or {@code local}: both URLs always come from the same origin
 * @param reason why the URLs are local although the CDN serves content (the plan's CDN copy is stale or missing);
 *               null otherwise
 */
public record PlanContentUrlsResponse(String manifestUrl, String searchIndexUrl, String source, String reason) {
}
