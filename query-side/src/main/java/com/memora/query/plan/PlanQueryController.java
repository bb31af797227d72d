package com.memora.query.plan;

import com.memora.kernel.error.NotFoundException;
import com.memora.kernel.id.Identifiers;
import com.memora.kernel.plan.FetchPlanQuery;
import com.memora.kernel.plan.FetchPlansQuery;
import com.memora.kernel.plan.PlanResponse;
import com.memora.kernel.plan.PlansResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Plans with their subjects and overrides; one plan also with its export's build status and version. */
@RestController
@RequestMapping("/api/plans")
@PreAuthorize("hasRole('EDITOR')")
class PlanQueryController {

    private final QueryGateway queries;

    PlanQueryController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/{id}")
    PlanResponse plan(@PathVariable("id") @Pattern(regexp = Identifiers.NODE_ID_REGEX) String id) {
        return queries.query(new FetchPlanQuery(id), ResponseTypes.optionalInstanceOf(PlanResponse.class))
                      .join()
                      .orElseThrow(() -> new NotFoundException("plan", id));
    }

    @GetMapping
    PlansResponse plans(@RequestParam(name = "trashed", defaultValue = "false") boolean trashed,
                        @RequestParam(name = "limit", defaultValue = "100") @Min(1) @Max(1000) int limit,
                        @RequestParam(name = "offset", defaultValue = "0") @Min(0) int offset) {
        return queries.query(new FetchPlansQuery(trashed, limit, offset), PlansResponse.class).join();
    }
}
