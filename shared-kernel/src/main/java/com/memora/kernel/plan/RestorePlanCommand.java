package com.memora.kernel.plan;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Takes a plan out of the trash; restoring a plan outside the trash changes nothing. */
public record RestorePlanCommand(String planId) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return PlanIds.aggregateId(planId);
    }
}
