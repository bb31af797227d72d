package com.memora.kernel.ops;

import java.time.Instant;

/** An alert as stored in the in-app notification list; repeats of the same alert raise {@code occurrences}. */
public record Notification(long id,
                           String kind,
                           AlertSeverity severity,
                           String subject,
                           String message,
                           int occurrences,
                           Instant firstRaisedAt,
                           Instant lastRaisedAt) {
}
