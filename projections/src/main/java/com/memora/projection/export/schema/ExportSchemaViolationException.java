package com.memora.projection.export.schema;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Generated files break their schemas. A permanent failure of that plan's build (decisions O2): retrying the same
 * content gives the same files, so the plan ends {@code FAILED} with this message until its content changes, and
 * the previous files stay in place.
 */
public final class ExportSchemaViolationException extends RuntimeException {

    /** How many violations the message spells out; all of them are in {@link #violations()}. */
    private static final int SHOWN = 10;

    private final transient List<SchemaViolation> violations;

    public ExportSchemaViolationException(List<SchemaViolation> violations) {
        super(message(violations));
        this.violations = List.copyOf(violations);
    }

    public List<SchemaViolation> violations() {
        return violations;
    }

    private static String message(List<SchemaViolation> violations) {
        long files = violations.stream().map(SchemaViolation::path).distinct().count();
        String shown = violations.stream().limit(SHOWN).map(SchemaViolation::toString)
                                 .collect(Collectors.joining("; "));
        return violations.size() + " schema violation" + (violations.size() == 1 ? "" : "s") + " in " + files
               + " file" + (files == 1 ? "" : "s") + ": " + shown
               + (violations.size() > SHOWN ? "; and " + (violations.size() - SHOWN) + " more" : "");
    }
}
