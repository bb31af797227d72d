package com.memora.kernel.plan;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record CreatePlanCommand(String planId, PlanDetails details) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return PlanIds.aggregateId(planId);
    }
}
