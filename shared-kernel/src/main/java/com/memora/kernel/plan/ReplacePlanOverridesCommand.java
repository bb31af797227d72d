package com.memora.kernel.plan;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * Makes the plan's overrides exactly these (the bulk import): overrides missing from the list are removed, new or
 * different ones added; an identical list changes nothing.
 */
public record ReplacePlanOverridesCommand(String planId, List<PlanOverride> overrides) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return PlanIds.aggregateId(planId);
    }
}
