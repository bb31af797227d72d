package com.memora.kernel.contenturl;

/** Where a plan's manifest and search index are fetched now (decisions O4). See {@link FetchContentUrlQuery}. */
public record FetchPlanContentUrlsQuery(String planId, String localBase) {
}
