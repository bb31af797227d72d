package com.memora.infra.axon.replay;

import com.memora.command.content.ContentRegistryProjection;
import com.memora.kernel.error.NotFoundException;
import com.memora.kernel.ops.BackgroundJobs;
import com.memora.projection.settings.CdnSettingsProjection;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Rebuilds a command-side lookup (a subscribing processing group that commands read synchronously) from the event
 * store. Such a group cannot be replayed like a projection: it has no tracking token, and commands must never see
 * it half-built. So the rebuild runs in one transaction that first locks the group's tables (commands that need
 * them wait; plain reads see the old rows until the commit), empties them through the group's
 * {@code @ResetHandler}, and feeds every stored event through the group's own handlers. A command that appended an
 * event meanwhile applies its change after the commit, on top of the rebuilt tables.
 */
@Service
public class LookupRebuilds {

    private static final Logger log = LoggerFactory.getLogger(LookupRebuilds.class);
    /** The tables each lookup group owns, locked for the rebuild. */
    private static final Map<String, String> TABLES = Map.of(
            ContentRegistryProjection.PROCESSING_GROUP, "content_registry, plan_subject_registry",
            CdnSettingsProjection.PROCESSING_GROUP, "cdn_settings_state");

    private final EventProcessingConfiguration processing;
    private final EventStorageEngine events;
    private final TransactionTemplate transaction;
    private final JdbcClient jdbc;
    private final BackgroundJobs jobs;

    LookupRebuilds(EventProcessingConfiguration processing, EventStorageEngine events,
                   TransactionTemplate transaction, JdbcClient jdbc, BackgroundJobs jobs) {
        this.processing = processing;
        this.events = events;
        this.transaction = transaction;
        this.jdbc = jdbc;
        this.jobs = jobs;
    }

    /** Starts the rebuild as a background job; {@code GET /api/admin/jobs/{id}} shows its progress. */
    public UUID start(String group) {
        String tables = TABLES.get(group);
        SubscribingEventProcessor processor = processing.eventProcessor(group, SubscribingEventProcessor.class)
                                                        .filter(found -> tables != null)
                                                        .orElseThrow(() -> new NotFoundException("lookup", group));
        return jobs.submit("lookup-rebuild", "Rebuild " + group + " from the event store", progress -> {
            long head = jdbc.sql("select coalesce(max(global_index), 0) from domain_event_entry")
                            .query(Long.class).single();
            AtomicLong read = new AtomicLong();
            AtomicLong applied = new AtomicLong();
            transaction.executeWithoutResult(status -> {
                jdbc.sql("lock table " + tables + " in exclusive mode").update();
                EventHandlerInvoker invoker = processor.eventHandlerInvoker();
                invoker.performReset();
                try (Stream<? extends TrackedEventMessage<?>> stream = events.readEvents(null, false)) {
                    stream.forEach(event -> {
                        if (invoker.canHandle(event, Segment.ROOT_SEGMENT)) {
                            handle(invoker, event);
                            applied.incrementAndGet();
                        }
                        progress.update(read.incrementAndGet(), head, "re-applying stored events");
                    });
                }
            });
            log.info("Rebuilt lookup {}: {} of {} stored events applied", group, applied.get(), read.get());
            return Map.of("events_read", read.get(), "events_applied", applied.get());
        });
    }

    private static void handle(EventHandlerInvoker invoker, TrackedEventMessage<?> event) {
        try {
            invoker.handle(event, Segment.ROOT_SEGMENT);
        } catch (Exception e) {
            throw new IllegalStateException("Rebuilding failed at event " + event.getIdentifier() + ": " + e, e);
        }
    }
}
