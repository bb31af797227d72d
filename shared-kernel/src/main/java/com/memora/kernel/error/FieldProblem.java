package com.memora.kernel.error;

/**
 * One thing wrong with the input: the offending field as the client wrote it (snake_case, with array indexes such
 * as {@code stages[2].type} or {@code subjects[0].tracks[1].id}) and what would be right.
 */
public record FieldProblem(String field, String message) {
}
