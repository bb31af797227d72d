package com.memora.kernel.content;

import java.util.List;

/** A page of nodes and how many match in all. */
public record ContentNodesResponse(List<ContentNodeResponse> items, long total) {
}
