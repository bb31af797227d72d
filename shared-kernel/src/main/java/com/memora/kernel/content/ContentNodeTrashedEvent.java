package com.memora.kernel.content;

import java.util.List;

/**
 * A node went to the trash. Its sub-tree is left as it is but hidden with it: nothing under a trashed node is
 * exported (D3), and restoring the node brings the whole sub-tree back.
 */
public record ContentNodeTrashedEvent(ContentKind kind,
                                      String id,
                                      String parentId,
                                      List<ContentRef> ancestors) implements ContentNodeEvent {
}
