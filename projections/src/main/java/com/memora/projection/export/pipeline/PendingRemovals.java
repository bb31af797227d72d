package com.memora.projection.export.pipeline;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** Port to the removals queued by trashes and deletes until they are applied (decisions F8). */
public interface PendingRemovals {

    void queue(String planId, long changeSeq, Collection<Removal> removals, String reason, Instant at);

    /** The plans with removals waiting, oldest first. */
    List<String> plans(int limit);

    /** The plan's waiting removals in the order they were queued. */
    List<PendingRemoval> of(String planId);

    void delete(Collection<Long> ids);

    /** Drops the plan's removals up to this mark: a build that covered the mark made them unnecessary. */
    int supersede(String planId, long upToSeq);

    long count();
}
