package com.memora.projection.export.pipeline;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port to the plans' publication state (decisions O2): operational, never touched by a replay. */
public interface PublicationStates {

    Optional<PublicationState> find(String planId);

    /** The plans in one status, most recently changed first. */
    List<PublicationState> inStatus(PublicationStatus status, int limit);

    /** A build of the plan began: the state says PROCESSING and names the build's log entry. */
    void building(String planId, long buildNumber, long logId, Instant at);

    /**
     * A build ended.
     *
     * @param version    the plan's published version after the build (unchanged when no file changed)
     * @param coveredSeq the mark up to which the files now reflect the content; only raised, never lowered
     */
    void built(String planId, PublicationStatus status, Long version, long coveredSeq, String error, Instant at);

    /**
     * A CDN publication that was not a build ended (a retry, a removal, a full sync) or an operator queued one: the
     * status changes, the published version and build number stay. A plan that never had a state gets one.
     */
    void published(String planId, PublicationStatus status, Long logId, String error, Instant at);

    /** A build ended without a result (paused for low disk): back to the status it had, error noted. */
    void paused(String planId, PublicationStatus status, String reason, Instant at);
}
