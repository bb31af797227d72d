package com.memora.infra.axon.replay;

import com.memora.infra.config.NodeProperties;
import com.memora.kernel.error.ConflictException;
import com.memora.kernel.error.NotFoundException;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.AbstractTokenEntry;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.springboot.TokenStoreProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Resets and replays one streaming projection (decisions R4): its {@code @ResetHandler} clears its state, its
 * dead letters are dropped (the replay will see those events again), and it reads the store from the start.
 * <p>
 * Without Axon Server a node cannot stop another node's processors, so a replay is refused while another node
 * holds segments of that processor. Axon itself backs this up: the reset claims every segment in one transaction
 * and rolls back if any is owned elsewhere.
 */
@Service
public class ProjectionReplays {

    private static final Logger log = LoggerFactory.getLogger(ProjectionReplays.class);

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final JdbcClient jdbc;
    private final String nodeId;
    private final Duration claimTimeout;

    public ProjectionReplays(EventProcessingConfiguration processing, EventStore eventStore, JdbcClient jdbc,
                             NodeProperties node, TokenStoreProperties tokenStoreProperties) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.jdbc = jdbc;
        this.nodeId = node.nodeId();
        this.claimTimeout = tokenStoreProperties.getClaimTimeout();
    }

    public synchronized ReplayStatus start(String processingGroup) {
        StreamingEventProcessor processor = processor(processingGroup);
        if (!processor.supportsReset()) {
            throw new ConflictException("replay-not-supported",
                    "Projection '" + processingGroup + "' has handlers that do not allow a replay");
        }
        refuseWhileOtherNodesHoldSegments(processingGroup);
        log.info("Replaying projection {}", processingGroup);
        awaitShutdown(processor);
        try {
            processor.resetTokens();
            deadLetterQueue(processingGroup).ifPresent(SequencedDeadLetterQueue::clear);
        } catch (UnableToClaimTokenException e) {
            throw new ConflictException("replay-refused",
                    "Projection '" + processingGroup + "' cannot be replayed now: another node claimed one of its "
                    + "segments meanwhile. Stop that node's processor or try again later.");
        } finally {
            processor.start();
        }
        return status(processingGroup);
    }

    public ReplayStatus status(String processingGroup) {
        StreamingEventProcessor processor = processor(processingGroup);
        long head = headPosition();
        List<ReplayStatus.SegmentStatus> segments =
                processor.processingStatus().values().stream()
                         .sorted(Comparator.comparingInt(status -> status.getSegment().getSegmentId()))
                         .map(ProjectionReplays::toSegmentStatus)
                         .toList();
        boolean replaying = segments.stream().anyMatch(ReplayStatus.SegmentStatus::replaying);
        boolean caughtUp = !segments.isEmpty() && segments.stream().allMatch(ReplayStatus.SegmentStatus::caughtUp);
        Long position = segments.stream().map(ReplayStatus.SegmentStatus::position).filter(Objects::nonNull)
                                .min(Long::compare).orElse(null);
        return new ReplayStatus(processingGroup, processor.isRunning(), replaying, caughtUp, head, position,
                                percent(segments, replaying, caughtUp, head), segments,
                                otherNodesHoldingSegments(processingGroup),
                                deadLetterQueue(processingGroup).map(SequencedDeadLetterQueue::size).orElse(0L));
    }

    public boolean isReplaying(String processingGroup) {
        return processing.eventProcessor(processingGroup, StreamingEventProcessor.class).isPresent()
               && status(processingGroup).replaying();
    }

    private static double percent(List<ReplayStatus.SegmentStatus> segments, boolean replaying, boolean caughtUp,
                                  long head) {
        if (!replaying) {
            return caughtUp || head <= 0 ? 100.0 : slowestShare(segments, head);
        }
        double slowest = 100.0;
        for (ReplayStatus.SegmentStatus segment : segments) {
            if (segment.replaying() && segment.resetPosition() != null && segment.resetPosition() > 0) {
                long at = segment.position() == null ? 0 : segment.position();
                slowest = Math.min(slowest, 100.0 * at / segment.resetPosition());
            }
        }
        return round(slowest);
    }

    private static double slowestShare(List<ReplayStatus.SegmentStatus> segments, long head) {
        long slowest = segments.stream().map(s -> s.position() == null ? 0L : s.position())
                               .min(Long::compare).orElse(0L);
        return round(Math.min(100.0, 100.0 * slowest / head));
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    /**
     * Axon keeps a segment's replay flag up until it handles an event <em>after</em> the reset position; a replay
     * that has reached that position is done as far as anyone reading the projection can tell.
     */
    private static ReplayStatus.SegmentStatus toSegmentStatus(EventTrackerStatus status) {
        Long position = boxed(status.getCurrentPosition());
        Long resetPosition = boxed(status.getResetPosition());
        boolean replaying = status.isReplaying()
                            && (position == null || resetPosition == null || position < resetPosition);
        return new ReplayStatus.SegmentStatus(status.getSegment().getSegmentId(), replaying,
                                              status.isCaughtUp(), position, resetPosition,
                                              status.isErrorState() ? String.valueOf(status.getError()) : null);
    }

    private static Long boxed(OptionalLong value) {
        return value.isPresent() ? value.getAsLong() : null;
    }

    private long headPosition() {
        TrackingToken head = eventStore.createHeadToken();
        return head == null ? 0 : head.position().orElse(0);
    }

    private StreamingEventProcessor processor(String processingGroup) {
        return processing.eventProcessor(processingGroup, StreamingEventProcessor.class)
                         .orElseThrow(() -> new NotFoundException("projection", processingGroup));
    }

    private Optional<SequencedDeadLetterQueue<EventMessage<?>>> deadLetterQueue(String processingGroup) {
        return processing.deadLetterQueue(processingGroup);
    }

    private void refuseWhileOtherNodesHoldSegments(String processingGroup) {
        List<String> others = otherNodesHoldingSegments(processingGroup);
        if (!others.isEmpty()) {
            throw new ConflictException("replay-refused",
                    "Projection '" + processingGroup + "' cannot be replayed while node(s) " + others
                    + " hold its segments; stop its processor there first");
        }
    }

    /** Nodes other than this one whose claim on a segment is still fresh. */
    private List<String> otherNodesHoldingSegments(String processingGroup) {
        Instant freshAfter = AbstractTokenEntry.clock.instant().minus(claimTimeout);
        return jdbc.sql("select owner, timestamp from token_entry where processor_name = ? and owner is not null")
                   .param(processingGroup)
                   .query((rs, row) -> Map.entry(rs.getString("owner"), claimTime(rs.getString("timestamp"))))
                   .list().stream()
                   .filter(claim -> !claim.getKey().equals(nodeId))
                   .filter(claim -> claim.getValue().isAfter(freshAfter))
                   .map(Map.Entry::getKey)
                   .distinct()
                   .sorted()
                   .toList();
    }

    private static Instant claimTime(String timestamp) {
        try {
            return timestamp == null ? Instant.EPOCH : Instant.parse(timestamp);
        } catch (DateTimeParseException e) {
            return Instant.EPOCH;
        }
    }

    private static void awaitShutdown(StreamingEventProcessor processor) {
        try {
            processor.shutdownAsync().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping " + processor.getName(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not stop " + processor.getName() + " for a replay", e);
        }
    }
}
