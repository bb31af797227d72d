package com.memora.infra.ops;

import com.memora.infra.axon.deadletter.ParkedEvents;
import com.memora.infra.axon.replay.ProjectionReplays;
import com.memora.infra.axon.replay.ReplayStatus;
import com.memora.infra.metrics.ProjectionPositions;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Every streaming projection at a glance, for operators and the dashboard: whether it runs on this node, replay
 * progress ({@code POST /api/admin/replay/{group}} starts one), and — read from the stored tokens, so the same on
 * every node — its lag behind the event store and the events parked in its dead-letter queue.
 */
@RestController
@RequestMapping("/api/admin/processors")
@PreAuthorize("hasRole('ADMIN')")
class ProcessorsController {

    private final EventProcessingConfiguration processing;
    private final ProjectionReplays replays;
    private final ProjectionPositions positions;
    private final ParkedEvents parkedEvents;

    ProcessorsController(EventProcessingConfiguration processing, ProjectionReplays replays,
                         ProjectionPositions positions, ParkedEvents parkedEvents) {
        this.processing = processing;
        this.replays = replays;
        this.positions = positions;
        this.parkedEvents = parkedEvents;
    }

    @GetMapping
    ProcessorsResponse processors() {
        ProjectionPositions.Snapshot stored = positions.read();
        Map<String, Long> parked = parkedEvents.countsByGroup();
        List<Processor> processors = processing.eventProcessors().entrySet().stream()
                .filter(entry -> entry.getValue() instanceof StreamingEventProcessor)
                .map(Map.Entry::getKey)
                .sorted()
                .map(group -> processor(group, stored, parked.getOrDefault(group, 0L)))
                .toList();
        return new ProcessorsResponse(stored.head(), processors);
    }

    private Processor processor(String group, ProjectionPositions.Snapshot stored, long deadLetters) {
        ReplayStatus status = replays.status(group);
        String error = status.segments().stream().map(ReplayStatus.SegmentStatus::error).filter(Objects::nonNull)
                             .findFirst().orElse(null);
        return new Processor(group, status.running(), status.replaying(), status.caughtUp(), status.percent(),
                             stored.slowest().get(group), stored.lag(group), deadLetters,
                             status.segments().size(), status.otherNodes(), error);
    }

    /** @param head the global index of the newest stored event */
    record ProcessorsResponse(long head, List<Processor> processors) {
    }

    /**
     * @param percent          of a replay done; 100 when not replaying and caught up
     * @param position         the slowest segment's stored position (null before the first token)
     * @param lag              events stored that the projection has not handled yet
     * @param segmentsHere     segments this node processes
     * @param otherNodes       other nodes holding segments of it
     */
    record Processor(String processingGroup, boolean running, boolean replaying, boolean caughtUp, double percent,
                     Long position, Long lag, long deadLetters, int segmentsHere, List<String> otherNodes,
                     String error) {
    }
}
