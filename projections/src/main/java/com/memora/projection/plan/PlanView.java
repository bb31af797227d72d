package com.memora.projection.plan;

import com.memora.kernel.plan.PlanDetails;
import com.memora.kernel.plan.PlanOverride;
import com.memora.kernel.plan.PlanSubject;

import java.time.Instant;
import java.util.List;

/** A plan in the read model, with its subjects in order and its overrides in the order they were added. */
public record PlanView(String id,
                       PlanDetails details,
                       boolean trashed,
                       List<PlanSubject> subjects,
                       List<PlanOverride> overrides,
                       Instant createdAt,
                       Instant updatedAt) {
}
