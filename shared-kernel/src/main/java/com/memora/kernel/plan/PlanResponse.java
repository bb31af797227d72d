package com.memora.kernel.plan;

import java.time.Instant;
import java.util.List;

/**
 * A plan as the API shows it, with its subjects (in order) and overrides, and how its export stands.
 *
 * @param buildStatus the export's status (decisions O2): {@code QUEUED} while a change waits for the next batch,
 *                    else the latest build's ({@code PROCESSING}, {@code LOCAL_ONLY}, {@code FAILED} …); null before
 *                    anything was queued
 * @param version     the build number in the plan's newest files (decisions F5); null before the first build
 * @param buildError  why the latest build failed or paused
 */
public record PlanResponse(String id,
                           String title,
                           String season,
                           String stream,
                           String grade,
                           boolean isTrashed,
                           List<Subject> subjects,
                           List<Override> overrides,
                           Instant createdAt,
                           Instant updatedAt,
                           String buildStatus,
                           Long version,
                           Instant lastBuiltAt,
                           String buildError) {

    public record Subject(String subject, int sortOrder) {
    }

    public record Override(String id, String targetType, String targetId, String action, String value) {
    }
}
