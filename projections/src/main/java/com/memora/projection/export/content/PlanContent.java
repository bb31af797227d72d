package com.memora.projection.export.content;

import com.memora.kernel.access.PlanOverride;

import java.util.List;
import java.util.Objects;

/**
 * Everything one plan's files are made of: the plan, its subjects with their whole trees, and its overrides in
 * the order they were made.
 */
public record PlanContent(ExportPlan plan, List<PlanSubject> subjects, List<PlanOverride> overrides) {

    public PlanContent {
        Objects.requireNonNull(plan, "plan");
        subjects = subjects == null ? List.of() : List.copyOf(subjects);
        overrides = overrides == null ? List.of() : List.copyOf(overrides);
    }
}
