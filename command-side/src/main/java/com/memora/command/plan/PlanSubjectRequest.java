package com.memora.command.plan;

/** One entry of {@code PUT /api/plans/{id}/subjects}; {@code sort_order} defaults to 0. */
record PlanSubjectRequest(String subject, Integer sortOrder) {
}
