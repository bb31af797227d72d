package com.memora.kernel.contenturl;

/** @param source {@code cdn} or {@code local} */
public record ContentUrlResponse(String url, String source) {
}
