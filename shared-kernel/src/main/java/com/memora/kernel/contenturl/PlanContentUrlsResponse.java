package com.memora.kernel.contenturl;

/** @param source {@code cdn} or {@code local}: both URLs always come from the same origin */
public record PlanContentUrlsResponse(String manifestUrl, String searchIndexUrl, String source) {
}
