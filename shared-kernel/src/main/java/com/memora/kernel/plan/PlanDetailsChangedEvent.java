package com.memora.kernel.plan;

import java.util.List;

/** The plan's own fields as they are now; {@code changedFields} names those that changed. */
public record PlanDetailsChangedEvent(String planId,
                                      PlanDetails details,
                                      List<String> changedFields) implements PlanEvent {
}
