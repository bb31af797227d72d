package com.memora.kernel.error;

import java.util.List;

/**
 * The input breaks a rule; {@link #field()} names the offending field in the API's snake_case. (400)
 * <p>
 * When several rules are broken at once (a bulk import, a lesson with three bad stages) {@link #problems()} lists
 * every one of them, so the client can fix them all in one go.
 */
public final class InvalidInputException extends DomainException {

    private final List<FieldProblem> problems;

    public InvalidInputException(String problemType, String field, String message) {
        super(problemType, message);
        this.problems = List.of(new FieldProblem(field, message));
    }

    /** @param problems at least one */
    public InvalidInputException(String problemType, List<FieldProblem> problems) {
        super(problemType, summary(problems));
        this.problems = List.copyOf(problems);
    }

    public String field() {
        return problems.get(0).field();
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    private static String summary(List<FieldProblem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("An invalid-input refusal needs at least one problem");
        }
        FieldProblem first = problems.get(0);
        return problems.size() == 1 ? first.message()
                                    : problems.size() + " problems, first " + first.field() + ": " + first.message();
    }
}
