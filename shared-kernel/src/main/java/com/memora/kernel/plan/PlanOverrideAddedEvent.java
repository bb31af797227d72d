package com.memora.kernel.plan;

public record PlanOverrideAddedEvent(String planId, PlanOverride override) implements PlanEvent {
}
