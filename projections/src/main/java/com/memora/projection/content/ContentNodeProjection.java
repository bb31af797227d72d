package com.memora.projection.content;

import com.memora.kernel.content.ContentNodeChangedEvent;
import com.memora.kernel.content.ContentNodeCreatedEvent;
import com.memora.kernel.content.ContentNodeDeletedEvent;
import com.memora.kernel.content.ContentNodeMovedEvent;
import com.memora.kernel.content.ContentNodePublishedEvent;
import com.memora.kernel.content.ContentNodeRestoredEvent;
import com.memora.kernel.content.ContentNodeTrashedEvent;
import com.memora.kernel.content.ContentNodeUnpublishedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Builds the content nodes of the read model, in processing group {@value #PROCESSING_GROUP}: one segment and one
 * sequence, so events are applied in the order they were stored (decisions R1). The plan export builds on this
 * group and adds its dirty-plan marks to it, so marks and model commit together. Replayable: the reset empties the
 * tables, every handler is idempotent.
 */
@Component
@ProcessingGroup(ContentNodeProjection.PROCESSING_GROUP)
public class ContentNodeProjection {

    public static final String PROCESSING_GROUP = "content";

    private final ContentViewStore store;

    public ContentNodeProjection(ContentViewStore store) {
        this.store = store;
    }

    @EventHandler
    void on(ContentNodeCreatedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        store.put(ContentNodeView.placed(event.kind(), event.id(), event.parentId(), event.ancestors(), event.fields(),
                                         event.published(), false, at, at), sequence);
    }

    @EventHandler
    void on(ContentNodeChangedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        store.changeFields(event.kind(), event.id(), event.fields(), at, sequence);
    }

    @EventHandler
    void on(ContentNodeMovedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        store.move(event.kind(), event.id(), event.parentId(), event.ancestors(), at, sequence);
    }

    @EventHandler
    void on(ContentNodePublishedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        store.changePublished(event.kind(), event.id(), true, at, sequence);
    }

    @EventHandler
    void on(ContentNodeUnpublishedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        store.changePublished(event.kind(), event.id(), false, at, sequence);
    }

    @EventHandler
    void on(ContentNodeTrashedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        store.changeTrashed(event.kind(), event.id(), true, at, sequence);
    }

    /** A restore rewrites the whole row from the event, exactly as a create would. */
    @EventHandler
    void on(ContentNodeRestoredEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        Instant createdAt = store.find(event.kind(), event.id()).map(ContentNodeView::createdAt).orElse(at);
        store.put(ContentNodeView.placed(event.kind(), event.id(), event.parentId(), event.ancestors(), event.fields(),
                                         event.published(), false, createdAt, at), sequence);
    }

    @EventHandler
    void on(ContentNodeDeletedEvent event) {
        store.remove(event.kind(), event.id());
    }

    @ResetHandler
    void reset() {
        store.deleteAll();
    }
}
