package com.memora.kernel.content;

import java.util.List;

/** A node was created with these fields under {@code parentId} ({@code null} for a subject). */
public record ContentNodeCreatedEvent(ContentKind kind,
                                      String id,
                                      String parentId,
                                      List<ContentRef> ancestors,
                                      ContentFields fields,
                                      boolean published) implements ContentNodeEvent {
}
