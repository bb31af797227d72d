package com.memora.kernel.error;

/** The input breaks a rule; {@link #field()} names the offending field in the API's snake_case. (400) */
public final class InvalidInputException extends DomainException {

    private final String field;

    public InvalidInputException(String problemType, String field, String message) {
        super(problemType, message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
