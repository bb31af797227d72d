package com.memora.command.content;

/** Messages shared by the request bodies' constraints. */
final class ContentRequests {

    static final String ID_MESSAGE = "must be 1-64 letters, digits, '_' or '-', starting with a letter or digit";
    static final String PARENT_MESSAGE = "must be the id of an existing node (1-64 letters, digits, '_' or '-')";

    private ContentRequests() {
    }
}
