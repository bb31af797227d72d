package com.memora.kernel.plan;

/** The plan was deleted for good. */
public record PlanDeletedEvent(String planId, boolean wasTrashed) implements PlanEvent {
}
