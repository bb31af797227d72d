package com.memora.kernel.plan;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A partial update of a plan's own fields; {@code null} leaves a field as it is. */
public record ChangePlanCommand(String planId, String title, String seasonId, String stream, String grade) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return PlanIds.aggregateId(planId);
    }
}
