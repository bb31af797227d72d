package com.memora.kernel.error;

/**
 * A command or query that the domain refuses, with a message a person can act on. The web layer turns each
 * subclass into an RFC 7807 problem with its own status; nothing of this hierarchy is ever a 500.
 */
public abstract sealed class DomainException extends RuntimeException
        permits InvalidInputException, NotFoundException, ConflictException {

    private final String problemType;

    protected DomainException(String problemType, String message) {
        super(message);
        this.problemType = problemType;
    }

    /** A short, stable slug that names the kind of problem, e.g. {@code season-dates}. */
    public String problemType() {
        return problemType;
    }
}
