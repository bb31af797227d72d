package com.memora.infra.axon.replay;

import java.util.List;

/**
 * How far a projection is: its position against the head of the event store, per segment and overall.
 *
 * @param percent     of the replay done (the slowest segment's position against the head when it started);
 *                    100 when not replaying and caught up
 * @param otherNodes  nodes that hold segments of this processor (a replay is refused while there are any)
 * @param deadLetters events parked in the group's dead-letter queue ({@code GET /api/admin/dead-letters?group=})
 */
public record ReplayStatus(String processingGroup,
                           boolean running,
                           boolean replaying,
                           boolean caughtUp,
                           long head,
                           Long position,
                           double percent,
                           List<SegmentStatus> segments,
                           List<String> otherNodes,
                           long deadLetters) {

    public record SegmentStatus(int segment,
                                boolean replaying,
                                boolean caughtUp,
                                Long position,
                                Long resetPosition,
                                String error) {
    }
}
