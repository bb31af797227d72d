package com.memora.kernel.content;

import java.util.List;

/** A node (with its sub-tree) moved to another parent; both ancestor chains are given (D6). */
public record ContentNodeMovedEvent(ContentKind kind,
                                    String id,
                                    String previousParentId,
                                    List<ContentRef> previousAncestors,
                                    String parentId,
                                    List<ContentRef> ancestors) implements ContentNodeEvent {
}
