package com.memora.projection.export.content;

import java.util.Objects;

/** A subject listed by a plan, with its position in that plan's manifest (PlanSubject {@code sort_order}). */
public record PlanSubject(SubjectContent subject, int sortOrder) {

    public PlanSubject {
        Objects.requireNonNull(subject, "subject");
    }
}
