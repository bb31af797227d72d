package com.memora.kernel.content;

import java.util.List;

/**
 * A node came back from the trash. It carries everything {@link ContentNodeCreatedEvent} does, so a consumer that
 * forgot the node when it was trashed can treat this as a create; the node's sub-tree comes back with it.
 */
public record ContentNodeRestoredEvent(ContentKind kind,
                                       String id,
                                       String parentId,
                                       List<ContentRef> ancestors,
                                       ContentFields fields,
                                       boolean published) implements ContentNodeEvent {
}
