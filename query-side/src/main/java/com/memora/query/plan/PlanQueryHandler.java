package com.memora.query.plan;

import com.memora.kernel.plan.FetchPlanQuery;
import com.memora.kernel.plan.FetchPlansQuery;
import com.memora.kernel.plan.PlanResponse;
import com.memora.kernel.plan.PlansResponse;
import com.memora.projection.export.pipeline.DirtyPlans;
import com.memora.projection.export.pipeline.PublicationState;
import com.memora.projection.export.pipeline.PublicationStates;
import com.memora.projection.export.pipeline.PublicationStatus;
import com.memora.projection.plan.PlanView;
import com.memora.projection.plan.PlanViewStore;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.Optional;

@Component
class PlanQueryHandler {

    private final PlanViewStore store;
    private final PublicationStates states;
    private final DirtyPlans dirtyPlans;

    PlanQueryHandler(PlanViewStore store, PublicationStates states, DirtyPlans dirtyPlans) {
        this.store = store;
        this.states = states;
        this.dirtyPlans = dirtyPlans;
    }

    @QueryHandler
    Optional<PlanResponse> handle(FetchPlanQuery query) {
        return store.find(query.planId()).map(plan -> toResponse(plan, true));
    }

    @QueryHandler
    PlansResponse handle(FetchPlansQuery query) {
        return new PlansResponse(store.list(query.trashed(), query.limit(), query.offset()).stream()
                                      .map(plan -> toResponse(plan, false)).toList(),
                                 store.count(query.trashed()));
    }

    /** @param withBuild the export's status too (one plan: two more reads; a listing leaves it out) */
    private PlanResponse toResponse(PlanView plan, boolean withBuild) {
        Optional<PublicationState> state = withBuild ? states.find(plan.id()) : Optional.empty();
        boolean pending = withBuild && dirtyPlans.find(plan.id()).isPresent();
        return new PlanResponse(
                plan.id(), plan.details().title(), plan.details().seasonId(), plan.details().stream(),
                plan.details().grade(), plan.trashed(),
                plan.subjects().stream().map(s -> new PlanResponse.Subject(s.subjectId(), s.sortOrder())).toList(),
                plan.overrides().stream().map(o -> new PlanResponse.Override(o.id(), o.targetType().typeName(),
                                                                               o.targetId(), o.action().label(),
                                                                               o.value())).toList(),
                plan.createdAt(), plan.updatedAt(), buildStatus(state, pending),
                state.map(PublicationState::version).orElse(null),
                state.map(PublicationState::lastBuiltAt).orElse(null),
                state.map(PublicationState::lastError).orElse(null));
    }

    /**
     * A change waiting for the next batch shows as QUEUED, unless a build is running or the CDN retries are under
     * way (an edit does not reset those, decisions O2).
     */
    private static String buildStatus(Optional<PublicationState> state, boolean pending) {
        PublicationStatus status = state.map(PublicationState::status).orElse(null);
        boolean keeps = status == PublicationStatus.PROCESSING || status == PublicationStatus.RETRY_WAIT
                        || status == PublicationStatus.DEAD_LETTER;
        if (pending && !keeps) {
            return PublicationStatus.QUEUED.name();
        }
        return status == null ? null : status.name();
    }
}
