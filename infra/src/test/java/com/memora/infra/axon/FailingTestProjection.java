package com.memora.infra.axon;

import com.memora.kernel.season.SeasonCreatedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A projection (test sources only) whose handler fails for seasons titled "POISON" until a test heals it, to show
 * that a failing event is parked in the dead-letter queue, never logged and skipped.
 */
@Component
@ProcessingGroup(FailingTestProjection.GROUP)
public class FailingTestProjection {

    public static final String GROUP = "test-failing";

    public final Set<String> handled = ConcurrentHashMap.newKeySet();
    public volatile boolean healed;

    @EventHandler
    void on(SeasonCreatedEvent event) {
        if (event.title().equals("POISON") && !healed) {
            throw new IllegalStateException("cannot handle " + event.seasonId() + " yet");
        }
        handled.add(event.seasonId());
    }

    @ResetHandler
    void reset() {
        handled.clear();
    }
}
