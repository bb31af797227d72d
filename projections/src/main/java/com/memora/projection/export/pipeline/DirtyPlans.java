package com.memora.projection.export.pipeline;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Port to the dirty-plan marks (decisions D6, O1, R1): durable, one per plan, deduplicated. Written in the
 * transaction that updates the content read model, so a mark is never visible before the content it refers to.
 */
public interface DirtyPlans {

    /**
     * Marks the plans (a plan already marked gets a newer number and one more change counted).
     *
     * @return each plan's new mark number
     */
    Map<String, Long> mark(Collection<String> planIds, String reason, boolean manual, Instant at);

    /** Marks every plan that is not in the trash; returns how many. */
    int markEveryPlan(String reason, Instant at);

    /** The oldest marks first. */
    List<PendingPlan> pending(int limit);

    Optional<PendingPlan> find(String planId);

    long count();

    /** Whether an operator asked for any pending plan (a manual mark is due at once, whatever the interval). */
    boolean anyManual();

    /** Removes the plan's mark if it is not newer than {@code upToSeq}: a later change keeps the plan pending. */
    boolean consume(String planId, long upToSeq);
}
