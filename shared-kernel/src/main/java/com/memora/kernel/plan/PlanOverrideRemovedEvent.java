package com.memora.kernel.plan;

/** The override that was removed, whole. */
public record PlanOverrideRemovedEvent(String planId, PlanOverride override) implements PlanEvent {
}
