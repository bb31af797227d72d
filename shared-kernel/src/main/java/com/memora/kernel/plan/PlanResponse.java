package com.memora.kernel.plan;

import java.time.Instant;
import java.util.List;

/** A plan as the API shows it, with its subjects (in order) and overrides. */
public record PlanResponse(String id,
                           String title,
                           String season,
                           String stream,
                           String grade,
                           boolean isTrashed,
                           List<Subject> subjects,
                           List<Override> overrides,
                           Instant createdAt,
                           Instant updatedAt) {

    public record Subject(String subject, int sortOrder) {
    }

    public record Override(String id, String targetType, String targetId, String action, String value) {
    }
}
