package com.memora.kernel.plan;

import java.util.List;

public record PlansResponse(List<PlanResponse> items, long total) {
}
