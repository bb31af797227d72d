package com.memora.kernel.plan;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Trashes a plan (restorable, decisions D8); trashing a trashed plan changes nothing. */
public record TrashPlanCommand(String planId) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return PlanIds.aggregateId(planId);
    }
}
