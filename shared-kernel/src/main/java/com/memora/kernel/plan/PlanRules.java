package com.memora.kernel.plan;

import com.memora.kernel.content.ContentKind;
import com.memora.kernel.error.FieldProblem;
import com.memora.kernel.id.Identifiers;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The rules of a plan's own fields, subject list and overrides that need no other aggregate. */
public final class PlanRules {

    public static final int MAX_TITLE = 200;
    public static final int MAX_SUBJECTS = 200;
    public static final int MAX_OVERRIDES = 5_000;

    private PlanRules() {
    }

    public static List<FieldProblem> checkId(String field, String id, String what) {
        if (Identifiers.isValidNodeId(id)) {
            return List.of();
        }
        return List.of(new FieldProblem(field, "A " + what + " id must be 1-64 letters, digits, '_' or '-', "
                                               + "starting with a letter or digit; got '" + id + "'"));
    }

    /** Title present; season a season id; stream and grade non-blank codes (D8). */
    public static List<FieldProblem> checkDetails(PlanDetails details) {
        List<FieldProblem> problems = new ArrayList<>();
        if (details.title() == null || details.title().isBlank()) {
            problems.add(new FieldProblem("title", "A plan needs a title"));
        } else if (details.title().length() > MAX_TITLE) {
            problems.add(new FieldProblem("title", "A plan title has at most " + MAX_TITLE + " characters"));
        }
        if (!Identifiers.isValidSeasonId(details.seasonId())) {
            problems.add(new FieldProblem("season", "season must be a season id such as SEASON-2026, got '"
                                                    + details.seasonId() + "'"));
        }
        code(problems, "stream", details.stream());
        code(problems, "grade", details.grade());
        return problems;
    }

    /** Each subject a valid id and listed once. Existence is checked against the command side's lookup. */
    public static List<FieldProblem> checkSubjects(List<PlanSubject> subjects) {
        List<FieldProblem> problems = new ArrayList<>();
        if (subjects.size() > MAX_SUBJECTS) {
            problems.add(new FieldProblem("subjects", "A plan lists at most " + MAX_SUBJECTS + " subjects"));
            return problems;
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < subjects.size(); i++) {
            PlanSubject subject = subjects.get(i);
            String at = "[" + i + "].subject";
            if (subject == null || !Identifiers.isValidNodeId(subject.subjectId())) {
                problems.add(new FieldProblem(at, "must be a subject id"));
                continue;
            }
            Integer first = seen.putIfAbsent(subject.subjectId(), i);
            if (first != null) {
                problems.add(new FieldProblem(at, "subject '" + subject.subjectId() + "' is listed twice (also at ["
                                                  + first + "]); a plan lists each subject once"));
            }
        }
        return problems;
    }

    /** The override's own shape: target id, and a value exactly when the action needs one. */
    public static List<FieldProblem> checkOverride(PlanOverride override) {
        List<FieldProblem> problems = new ArrayList<>(checkId("id", override.id(), "override"));
        if (!Identifiers.isValidNodeId(override.targetId())) {
            problems.add(new FieldProblem("target_id", "target_id must be a content id, got '"
                                                       + override.targetId() + "'"));
        }
        boolean hasValue = override.value() != null && !override.value().isBlank();
        if (override.action().needsValue() && !hasValue) {
            problems.add(new FieldProblem("value", override.action().label() + " needs a value (the new title)"));
        } else if (!override.action().needsValue() && hasValue) {
            problems.add(new FieldProblem("value", override.action().label() + " takes no value"));
        } else if (hasValue && override.value().length() > MAX_TITLE) {
            problems.add(new FieldProblem("value", "A new title has at most " + MAX_TITLE + " characters"));
        }
        if (override.action() == OverrideAction.SET_SOLD_SEPARATELY
            && override.targetType() != ContentKind.TRACK) {
            problems.add(new FieldProblem("target_type", "Set Sold Separately applies to tracks only"));
        }
        return problems;
    }

    private static void code(List<FieldProblem> problems, String field, String value) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem(field, "A plan needs a " + field + " code"));
        } else if (!Identifiers.isValidNodeId(value)) {
            problems.add(new FieldProblem(field, field + " must be a code of 1-64 letters, digits, '_' or '-', got '"
                                                 + value + "'"));
        }
    }
}
