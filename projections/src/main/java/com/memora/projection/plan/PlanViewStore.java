package com.memora.projection.plan;

import com.memora.kernel.plan.PlanDetails;
import com.memora.kernel.plan.PlanOverride;
import com.memora.kernel.plan.PlanSubject;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Port to the plan tables of the read model (plans, plan subjects, plan overrides). Each write names the plan
 * aggregate's sequence and is skipped when the plan row has already seen it, so redelivery changes nothing.
 */
public interface PlanViewStore {

    /** Inserts the plan, or replaces it whole (a restore behaves like a create). */
    void put(PlanView plan, long sequence);

    void changeDetails(String planId, PlanDetails details, Instant at, long sequence);

    void replaceSubjects(String planId, List<PlanSubject> subjects, Instant at, long sequence);

    void addOverride(String planId, PlanOverride override, Instant at, long sequence);

    void removeOverride(String planId, String overrideId, Instant at, long sequence);

    void changeTrashed(String planId, boolean trashed, Instant at, long sequence);

    void remove(String planId);

    Optional<PlanView> find(String planId);

    /** Plans by title then id, with their subjects and overrides. */
    List<PlanView> list(boolean trashed, int limit, int offset);

    long count(boolean trashed);

    /** The plans outside the trash that list any of these subjects (how a content change reaches its plans, D6). */
    List<String> planIdsListing(Collection<String> subjectIds);

    void deleteAll();
}
