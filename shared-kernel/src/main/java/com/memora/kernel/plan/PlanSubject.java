package com.memora.kernel.plan;

/** A subject listed by a plan; {@code sortOrder} orders the subjects in the plan's manifest. */
public record PlanSubject(String subjectId, int sortOrder) {
}
