package com.memora.kernel.contenturl;

/**
 * The absolute URL of one generated file, as clients should fetch it now (decisions O4, F2).
 *
 * @param path      relative content path, already checked ({@code plans/P1/lessons/L2.json})
 * @param localBase the local origin's base to use when no {@code local_base_url} is set: the request's own base +
 *                  {@code /files/memora_content/}
 */
public record FetchContentUrlQuery(String path, String localBase) {
}
