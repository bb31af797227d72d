package com.memora.kernel.content;

import java.util.List;

/** A node became published: it and its published descendants can reach the plans listing its subject. */
public record ContentNodePublishedEvent(ContentKind kind,
                                        String id,
                                        String parentId,
                                        List<ContentRef> ancestors) implements ContentNodeEvent {
}
