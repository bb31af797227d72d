package com.memora.infra.health;

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
 * A replaying projection is healthy; its progress is in the details.
 */
@Component("eventProcessors")
class EventProcessorsHealthIndicator extends AbstractHealthIndicator {

    private final EventProcessingConfiguration processing;

    EventProcessorsHealthIndicator(EventProcessingConfiguration processing) {
        super("Event processors could not be inspected");
        this.processing = processing;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        boolean healthy = true;
        Map<String, Object> details = new TreeMap<>();
        for (Map.Entry<String, EventProcessor> entry : processing.eventProcessors().entrySet()) {
            EventProcessor processor = entry.getValue();
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("running", processor.isRunning());
            detail.put("error", processor.isError());
            if (processor instanceof StreamingEventProcessor streaming) {
                detail.put("replaying", streaming.isReplaying());
                detail.put("claimed_segments", streaming.processingStatus().size());
            }
            healthy &= !processor.isError();
            details.put(entry.getKey(), detail);
        }
        (healthy ? builder.up() : builder.down()).withDetails(details);
    }
}
