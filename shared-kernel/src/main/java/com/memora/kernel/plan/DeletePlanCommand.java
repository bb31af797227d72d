package com.memora.kernel.plan;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Deletes a plan for good (ADMIN with confirm=true at the API, decisions D8). */
public record DeletePlanCommand(String planId) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return PlanIds.aggregateId(planId);
    }
}
