package com.memora.kernel.content;

import java.util.List;

/**
 * Some of a node's fields changed; {@code fields} holds all of them as they are now, {@code changedFields} the API
 * names of those that changed.
 */
public record ContentNodeChangedEvent(ContentKind kind,
                                      String id,
                                      String parentId,
                                      List<ContentRef> ancestors,
                                      ContentFields fields,
                                      List<String> changedFields) implements ContentNodeEvent {
}
