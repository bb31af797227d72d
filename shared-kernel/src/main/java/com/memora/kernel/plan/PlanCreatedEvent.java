package com.memora.kernel.plan;

public record PlanCreatedEvent(String planId, PlanDetails details) implements PlanEvent {
}
