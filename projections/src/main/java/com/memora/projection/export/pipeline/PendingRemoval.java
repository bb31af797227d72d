package com.memora.projection.export.pipeline;

import java.time.Instant;

/**
 * A removal queued by a trash or delete, not yet applied.
 *
 * @param changeSeq the mark written with it: a build that covered this mark has already brought the plan's files in
 *                  line with the change, so the removal is then superseded (and must not delete a file that build
 *                  wrote back, e.g. after a restore)
 */
public record PendingRemoval(long id, String planId, Removal removal, long changeSeq, Instant queuedAt,
                             String reason) {
}
