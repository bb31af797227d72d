package com.memora.kernel.plan;

/** The plan went to the trash: it leaves the published content until restored. */
public record PlanTrashedEvent(String planId) implements PlanEvent {
}
