package com.memora.kernel.plan;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record AddPlanOverrideCommand(String planId, PlanOverride override) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return PlanIds.aggregateId(planId);
    }
}
