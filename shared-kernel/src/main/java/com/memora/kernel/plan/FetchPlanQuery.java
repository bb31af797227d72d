package com.memora.kernel.plan;

public record FetchPlanQuery(String planId) {
}
