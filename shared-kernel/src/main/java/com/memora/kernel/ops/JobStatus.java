package com.memora.kernel.ops;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

public record JobStatus(UUID id,
                        String type,
                        String description,
                        JobState state,
                        long done,
                        long total,
                        Double percent,
                        String message,
                        Map<String, Object> details,
                        Map<String, Object> result,
                        String error,
                        Instant createdAt,
                        Instant updatedAt,
                        Instant finishedAt) {
}
