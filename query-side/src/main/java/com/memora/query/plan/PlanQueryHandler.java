package com.memora.query.plan;

import com.memora.kernel.plan.FetchPlanQuery;
import com.memora.kernel.plan.FetchPlansQuery;
import com.memora.kernel.plan.PlanResponse;
import com.memora.kernel.plan.PlansResponse;
import com.memora.projection.plan.PlanView;
import com.memora.projection.plan.PlanViewStore;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.Optional;

@Component
class PlanQueryHandler {

    private final PlanViewStore store;

    PlanQueryHandler(PlanViewStore store) {
        this.store = store;
    }

    @QueryHandler
    Optional<PlanResponse> handle(FetchPlanQuery query) {
        return store.find(query.planId()).map(PlanQueryHandler::toResponse);
    }

    @QueryHandler
    PlansResponse handle(FetchPlansQuery query) {
        return new PlansResponse(store.list(query.trashed(), query.limit(), query.offset()).stream()
                                      .map(PlanQueryHandler::toResponse).toList(),
                                 store.count(query.trashed()));
    }

    private static PlanResponse toResponse(PlanView plan) {
        return new PlanResponse(
                plan.id(), plan.details().title(), plan.details().seasonId(), plan.details().stream(),
                plan.details().grade(), plan.trashed(),
                plan.subjects().stream().map(s -> new PlanResponse.Subject(s.subjectId(), s.sortOrder())).toList(),
                plan.overrides().stream().map(o -> new PlanResponse.Override(o.id(), o.targetType().typeName(),
                                                                               o.targetId(), o.action().label(),
                                                                               o.value())).toList(),
                plan.createdAt(), plan.updatedAt());
    }
}
