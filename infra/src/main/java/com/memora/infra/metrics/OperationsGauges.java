package com.memora.infra.metrics;

import com.memora.infra.axon.deadletter.ParkedEvents;
import com.memora.projection.export.health.ContentHealthReport;
import com.memora.projection.export.health.HealthCheckRun;
import com.memora.projection.export.health.HealthCheckRuns;
import com.memora.projection.export.pipeline.BatchState;
import com.memora.projection.export.pipeline.DirtyPlans;
import com.memora.projection.export.pipeline.DiskWatch;
import com.memora.projection.export.pipeline.PendingRemovals;
import com.memora.projection.export.pipeline.PublicationStatus;
import com.memora.projection.export.publication.PendingPurges;
import com.memora.projection.export.staging.LocalContentStore;
import com.memora.projection.srs.ReviewQueueProjection;
import com.memora.projection.srs.ReviewQueues;
import com.memora.projection.srs.TrackerProjection;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * Gauges of what the service holds, read when Prometheus scrapes (each query at most once per two seconds, and a
 * gauge whose store cannot answer reports NaN rather than failing the scrape):
 * <ul>
 *     <li>{@code memora.export.queue.pending}: plans waiting for a build; {@code memora.export.plans} (tag
 *     {@code status}): plans per publication status (RETRY_WAIT and DEAD_LETTER among them);
 *     {@code memora.export.removals.pending}; {@code memora.cdn.purges.pending} (changed files whose cache purge
 *     is still to be sent); {@code memora.export.generation.paused} (1 while builds pause for
 *     low disk or a replay) and {@code memora.content.generation.low.disk} (1 while that is for low disk);</li>
 *     <li>{@code memora.content.disk.free.percent} and {@code memora.content.health.status} (latest report:
 *     0 healthy, 1 warning, 2 critical);</li>
 *     <li>{@code memora.srs.safe.mode} (1 while this node reads reviews from PostgreSQL, decisions S4) and
 *     {@code memora.srs.queue.depth} (tag {@code projection}: review events the tracker and the Redis review
 *     queues have yet to apply — their lag plus the updates parked while Redis was down);</li>
 *     <li>{@code memora.projection.lag} (tag {@code processing_group}): head of the event store minus the
 *     group's slowest segment, in events, for every streaming projection; {@code memora.projection.dead.letters}
 *     (same tag): events parked in the group's dead-letter queue.</li>
 * </ul>
 */
@Component
class OperationsGauges {

    private static final Logger log = LoggerFactory.getLogger(OperationsGauges.class);
    private static final Duration FRESH_FOR = Duration.ofSeconds(2);

    private final MeterRegistry registry;
    private final EventProcessingConfiguration processing;
    private final Cached<Map<String, Long>> planStatuses;
    private final Cached<Map<String, Long>> deadLetters;
    private final Cached<ProjectionPositions.Snapshot> positions;

    OperationsGauges(MeterRegistry registry, EventProcessingConfiguration processing, JdbcClient jdbc,
                     ParkedEvents parkedEvents, DirtyPlans dirtyPlans, PendingRemovals removals, PendingPurges purges,
                     BatchState batchState, LocalContentStore store, ReviewQueues reviewQueues,
                     ProjectionPositions projectionPositions, HealthCheckRuns healthRuns) {
        this.registry = registry;
        this.processing = processing;
        this.planStatuses = new Cached<>(() -> counts(jdbc, "select status, count(*) from export_plan_state "
                                                            + "group by status"), FRESH_FOR);
        this.deadLetters = new Cached<>(parkedEvents::countsByGroup, FRESH_FOR);
        this.positions = new Cached<>(projectionPositions::read, FRESH_FOR);
        Cached<BatchState.Snapshot> batch = new Cached<>(batchState::read, FRESH_FOR);

        gauge("memora.export.queue.pending", "Plans waiting for a build", Map.of(), dirtyPlans::count);
        for (PublicationStatus status : PublicationStatus.values()) {
            gauge("memora.export.plans", "Plans per publication status", Map.of("status", status.name()),
                  () -> planStatuses.get().getOrDefault(status.name(), 0L));
        }
        gauge("memora.export.removals.pending", "Files of trashed or deleted content still to remove", Map.of(),
              removals::count);
        Cached<Long> owedPurges = new Cached<>(purges::pathCount, FRESH_FOR);
        gauge("memora.cdn.purges.pending", "Changed files whose CDN cache purge is still to be sent", Map.of(),
              owedPurges::get);
        gauge("memora.export.generation.paused", "1 while plan builds are paused (low disk, replay)", Map.of(),
              () -> batch.get().pausedReason() == null ? 0 : 1);
        gauge("memora.content.disk.free.percent", "Free space of the content root's volume, percent", Map.of(),
              () -> store.diskSpace().freePercent());
        gauge("memora.content.health.status", "Latest content health report: 0 healthy, 1 warning, 2 critical",
              Map.of(), () -> healthRuns.latestReport(null).map(HealthCheckRun::report)
                                        .map(ContentHealthReport::status).map(Enum::ordinal).orElse(-1));
        gauge("memora.srs.safe.mode", "1 while this node serves review reads in Safe Mode", Map.of(),
              () -> reviewQueues.inSafeMode() ? 1 : 0);
        gauge("memora.content.generation.low.disk", "1 while generation is paused for low disk", Map.of(),
              () -> DiskWatch.isLowDiskPause(batch.get().pausedReason()) ? 1 : 0);
    }

    /** Processors exist once Axon has started them, so the per-group gauges are registered then. */
    @EventListener(ApplicationReadyEvent.class)
    void registerProcessingGroups() {
        processing.eventProcessors().forEach((group, processor) -> {
            if (processor instanceof StreamingEventProcessor) {
                gauge("memora.projection.lag", "Events stored that the projection has not handled yet",
                      Map.of("processing_group", group), () -> positions.get().lag(group));
                gauge("memora.projection.dead.letters", "Events parked in the projection's dead-letter queue",
                      Map.of("processing_group", group), () -> deadLetters.get().getOrDefault(group, 0L));
            }
        });
        srsQueueDepth("tracker", TrackerProjection.PROCESSING_GROUP);
        srsQueueDepth("review-queues", ReviewQueueProjection.PROCESSING_GROUP);
    }

    private void srsQueueDepth(String projection, String group) {
        gauge("memora.srs.queue.depth", "Review events the SRS projection has yet to apply (lag + parked)",
              Map.of("projection", projection), () -> {
                  Long lag = positions.get().lag(group);
                  return lag == null ? null : lag + deadLetters.get().getOrDefault(group, 0L);
              });
    }

    private void gauge(String name, String description, Map<String, String> tags, Supplier<? extends Number> value) {
        Gauge.Builder<Supplier<? extends Number>> builder = Gauge.builder(name, value, safely(name))
                                                                 .description(description)
                                                                 .strongReference(true); // the lambda is all
                                                                                         // that holds it
        tags.forEach(builder::tag);
        builder.register(registry);
    }

    /** A store that cannot answer (database down) gives NaN: the scrape goes on and shows the gap. */
    private static ToDoubleFunction<Supplier<? extends Number>> safely(String name) {
        return supplier -> {
            try {
                Number number = supplier.get();
                return number == null ? Double.NaN : number.doubleValue();
            } catch (RuntimeException e) {
                log.debug("Gauge {} could not be read: {}", name, e.toString());
                return Double.NaN;
            }
        };
    }

    private static Map<String, Long> counts(JdbcClient jdbc, String sql) {
        Map<String, Long> counts = new HashMap<>();
        jdbc.sql(sql).query((rs, row) -> counts.put(rs.getString(1), rs.getLong(2))).list();
        return counts;
    }
}
