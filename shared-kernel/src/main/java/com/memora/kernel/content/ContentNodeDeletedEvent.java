package com.memora.kernel.content;

import java.util.List;

/**
 * A node was deleted for good (it had no children left: a cascade deletes the deepest first). It carries the
 * ancestors the node had, so its plans can still be found (D6).
 */
public record ContentNodeDeletedEvent(ContentKind kind,
                                      String id,
                                      String previousParentId,
                                      List<ContentRef> previousAncestors,
                                      boolean wasTrashed) implements ContentNodeEvent {

    @Override
    public List<ContentRef> ancestors() {
        return previousAncestors;
    }
}
