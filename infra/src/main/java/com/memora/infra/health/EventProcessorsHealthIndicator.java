package com.memora.infra.health;

import com.memora.infra.axon.deadletter.ParkedEvents;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Part of readiness (with the database): a node whose projections are in an error state serves stale reads.
 * A replaying projection is healthy; its progress is in the details. So are the events parked in each group's
 * dead-letter queue ({@code dead_letters}): they are shared by all nodes, so they do not take this node out of
 * service (every node would go), but each parking raises an alert and {@code GET /api/admin/dead-letters} lists them.
 */
@Component("eventProcessors")
class EventProcessorsHealthIndicator extends AbstractHealthIndicator {

    private final EventProcessingConfiguration processing;
    private final ParkedEvents parkedEvents;

    EventProcessorsHealthIndicator(EventProcessingConfiguration processing, ParkedEvents parkedEvents) {
        super("Event processors could not be inspected");
        this.processing = processing;
        this.parkedEvents = parkedEvents;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        boolean healthy = true;
        Map<String, Object> details = new TreeMap<>();
        Map<String, Long> parked = parkedEvents.countsByGroup();
        for (Map.Entry<String, EventProcessor> entry : processing.eventProcessors().entrySet()) {
            EventProcessor processor = entry.getValue();
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("running", processor.isRunning());
            detail.put("error", processor.isError());
            if (processor instanceof StreamingEventProcessor streaming) {
                detail.put("replaying", streaming.isReplaying());
                detail.put("claimed_segments", streaming.processingStatus().size());
            }
            if (parked.containsKey(entry.getKey())) {
                detail.put("dead_letters", parked.get(entry.getKey()));
            }
            healthy &= !processor.isError();
            details.put(entry.getKey(), detail);
        }
        (healthy ? builder.up() : builder.down()).withDetails(details);
    }
}
