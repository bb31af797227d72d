package com.memora.kernel.ops;

import java.time.Instant;

/**
 * An alert as stored in the in-app notification list; repeats of the same alert raise {@code occurrences}.
 * {@code resolvedAt} is when its condition was over (null while it lasts, or when nothing reports its end).
 */
public record Notification(long id,
                           String kind,
                           AlertSeverity severity,
                           String subject,
                           String message,
                           int occurrences,
                           Instant firstRaisedAt,
                           Instant lastRaisedAt,
                           Instant resolvedAt) {
}
