package com.memora.projection.export.publication;

import java.time.Instant;
import java.util.List;

/** Port: when the signed video links of each plan's lesson files expire (decisions F7), for the re-sign job. */
public interface SignedLinkExpiries {

    /** After a build: the earliest link expiry of the plan's lesson files; null when none has a signed link. */
    void record(String planId, Instant expiresAt, Instant at);

    void forget(String planId);

    /** Plans whose earliest link expires before {@code instant}, the soonest first. */
    List<String> expiringBefore(Instant instant, int limit);
}
