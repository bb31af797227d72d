package com.memora.kernel.plan;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RemovePlanOverrideCommand(String planId, String overrideId) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return PlanIds.aggregateId(planId);
    }
}
