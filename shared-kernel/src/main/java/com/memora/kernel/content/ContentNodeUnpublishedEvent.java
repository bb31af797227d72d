package com.memora.kernel.content;

import java.util.List;

/** A node was unpublished: it and its whole sub-tree leave every plan (D3). */
public record ContentNodeUnpublishedEvent(ContentKind kind,
                                          String id,
                                          String parentId,
                                          List<ContentRef> ancestors) implements ContentNodeEvent {
}
