package com.memora.kernel.plan;

import com.memora.kernel.id.AggregateIds;

/** Plans live in the event store as {@code plan:<id>} (decisions I2). */
public final class PlanIds {

    private PlanIds() {
    }

    public static String aggregateId(String planId) {
        return AggregateIds.of("plan", planId);
    }
}
