package com.memora.projection.plan;

import com.memora.kernel.plan.PlanCreatedEvent;
import com.memora.kernel.plan.PlanDeletedEvent;
import com.memora.kernel.plan.PlanDetailsChangedEvent;
import com.memora.kernel.plan.PlanOverrideAddedEvent;
import com.memora.kernel.plan.PlanOverrideRemovedEvent;
import com.memora.kernel.plan.PlanRestoredEvent;
import com.memora.kernel.plan.PlanSubjectsReplacedEvent;
import com.memora.kernel.plan.PlanTrashedEvent;
import com.memora.projection.content.ContentNodeProjection;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

/**
 * Builds the plan tables of the read model. Same processing group as the content nodes (decisions R1): a plan
 * export reading both sees them at one consistent point of the event stream.
 */
@Component
@ProcessingGroup(ContentNodeProjection.PROCESSING_GROUP)
public class PlanProjection {

    private final PlanViewStore store;

    public PlanProjection(PlanViewStore store) {
        this.store = store;
    }

    @EventHandler
    void on(PlanCreatedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        store.put(new PlanView(event.planId(), event.details(), false, List.of(), List.of(), at, at), sequence);
    }

    @EventHandler
    void on(PlanDetailsChangedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        store.changeDetails(event.planId(), event.details(), at, sequence);
    }

    @EventHandler
    void on(PlanSubjectsReplacedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        store.replaceSubjects(event.planId(), event.subjects(), at, sequence);
    }

    @EventHandler
    void on(PlanOverrideAddedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        store.addOverride(event.planId(), event.override(), at, sequence);
    }

    @EventHandler
    void on(PlanOverrideRemovedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        store.removeOverride(event.planId(), event.override().id(), at, sequence);
    }

    @EventHandler
    void on(PlanTrashedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        store.changeTrashed(event.planId(), true, at, sequence);
    }

    @EventHandler
    void on(PlanRestoredEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        Instant createdAt = store.find(event.planId()).map(PlanView::createdAt).orElse(at);
        store.put(new PlanView(event.planId(), event.details(), false, event.subjects(), event.overrides(),
                               createdAt, at), sequence);
    }

    @EventHandler
    void on(PlanDeletedEvent event) {
        store.remove(event.planId());
    }

    @ResetHandler
    void reset() {
        store.deleteAll();
    }
}
