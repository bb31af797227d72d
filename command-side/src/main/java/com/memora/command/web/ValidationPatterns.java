package com.memora.command.web;

/** Bean Validation patterns shared by request bodies. */
public final class ValidationPatterns {

    /** Non-null strings must hold at least one non-space character; {@code null} means "not given". */
    public static final String NOT_BLANK_IF_PRESENT = "(?s).*\\S.*";

    private ValidationPatterns() {
    }
}
