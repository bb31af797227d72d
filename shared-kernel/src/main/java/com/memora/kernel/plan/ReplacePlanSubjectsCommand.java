package com.memora.kernel.plan;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** Sets the plan's whole subject list. */
public record ReplacePlanSubjectsCommand(String planId, List<PlanSubject> subjects) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return PlanIds.aggregateId(planId);
    }
}
