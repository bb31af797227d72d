package com.memora.projection.export.schema;

import java.util.Objects;

/**
 * One way a generated file breaks its schema.
 *
 * @param path    the file, relative to the content root
 * @param pointer where in the file, as a JSON pointer ({@code /stages/0/type}); empty for the whole document
 * @param message what is wrong, in the validator's words
 */
public record SchemaViolation(String path, String pointer, String message) {

    public SchemaViolation {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return path + " at " + (pointer.isEmpty() ? "/" : pointer) + ": " + message;
    }
}
