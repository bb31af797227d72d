package com.memora.kernel.contenturl;

/**
 * @param source {@code cdn} or {@code local}
 * @param reason why the URL is local although the CDN serves content (the plan's CDN copy is not current); null
 *               otherwise
 */
public record ContentUrlResponse(String url, String source, String reason) {
}
