package com.memora.kernel.content;

/** One node as stored, with its children's ids; answered with an optional {@link ContentNodeResponse}. */
public record FetchContentNodeQuery(ContentKind kind, String id) {
}
