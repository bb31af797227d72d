package com.memora.kernel.error;

/** The request is valid but clashes with the current state: a duplicate id, a wrong state. (409) */
public final class ConflictException extends DomainException {

    public ConflictException(String problemType, String message) {
        super(problemType, message);
    }
}
