package com.memora.kernel.plan;

import java.util.List;

/** The plan's whole subject list as it is now, and the subjects it listed before. */
public record PlanSubjectsReplacedEvent(String planId,
                                        List<PlanSubject> subjects,
                                        List<String> previousSubjectIds) implements PlanEvent {
}
