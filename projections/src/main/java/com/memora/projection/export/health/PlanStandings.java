package com.memora.projection.export.health;

import com.memora.projection.export.pipeline.DirtyPlans;
import com.memora.projection.export.pipeline.PendingRemovals;
import com.memora.projection.export.pipeline.PublicationState;
import com.memora.projection.export.pipeline.PublicationStates;
import com.memora.projection.export.pipeline.PublicationStatus;
import org.springframework.stereotype.Component;

/**
 * Where a plan's files stand against its content right now, so a health check neither reports the normal lag of
 * the pipeline as damage nor queues a plan the pipeline deliberately leaves alone. The expected set comes from the
 * current read model, the files on disk from the plan's last build: while an edit, a removal or a build is on its
 * way, the two differ by design.
 */
@Component
public class PlanStandings {

    private final DirtyPlans dirtyPlans;
    private final PendingRemovals removals;
    private final PublicationStates states;

    public PlanStandings(DirtyPlans dirtyPlans, PendingRemovals removals, PublicationStates states) {
        this.dirtyPlans = dirtyPlans;
        this.removals = removals;
        this.states = states;
    }

    public Standing of(String planId) {
        if (dirtyPlans.find(planId).isPresent() || !removals.of(planId).isEmpty()) {
            return Standing.PENDING;
        }
        PublicationStatus status = states.find(planId).map(PublicationState::status).orElse(null);
        if (status == PublicationStatus.QUEUED || status == PublicationStatus.PROCESSING) {
            return Standing.PENDING;
        }
        return status == PublicationStatus.FAILED ? Standing.FAILED : Standing.SETTLED;
    }

    public enum Standing {
        /** The files should match the content. */
        SETTLED,
        /** An edit, a removal or a build is on its way: its files may rightly differ until it is built. */
        PENDING,
        /**
         * Its latest build failed permanently (e.g. a schema violation): it keeps its previous files and waits for
         * its next edit (decisions O2); queuing it again would only fail again, at every scan.
         */
        FAILED
    }
}
