package com.memora.kernel.plan;

import java.util.List;

/** The plan came back from the trash; it carries the whole plan, so consumers can treat it as a create. */
public record PlanRestoredEvent(String planId,
                                PlanDetails details,
                                List<PlanSubject> subjects,
                                List<PlanOverride> overrides) implements PlanEvent {
}
