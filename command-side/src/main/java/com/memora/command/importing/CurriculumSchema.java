package com.memora.command.importing;

import com.fasterxml.jackson.databind.JsonNode;
import com.memora.kernel.error.FieldProblem;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The import document's JSON Schema ({@code schemas/curriculum-import.schema.json}, also the format's documentation):
 * structure, types, patterns and enums, every violation reported with the JSON path of the value it concerns.
 */
final class CurriculumSchema {

    private static final Pattern INDEX = Pattern.compile("\\[(\\d+)]");
    static final String RESOURCE = "/schemas/curriculum-import.schema.json";

    private final JsonSchema schema;

    CurriculumSchema() {
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().pathType(PathType.JSON_PATH).build();
        try (InputStream in = CurriculumSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + RESOURCE);
            }
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every violation, in document order. */
    List<FieldProblem> check(JsonNode document) {
        return schema.validate(document).stream()
                     .map(CurriculumSchema::problem)
                     .distinct()
                     .sorted(Comparator.comparing(FieldProblem::field, CurriculumSchema::documentOrder))
                     .toList();
    }

    /**
     * {@code subjects[0].tracks[1].id}: the instance location without {@code $.}, plus the property a "required"
     * or "additionalProperties" message is about.
     */
    private static FieldProblem problem(ValidationMessage message) {
        String location = message.getInstanceLocation().toString();
        String path = location.equals("$") ? "" : location.startsWith("$.") ? location.substring(2)
                                                                               : location.substring(1);
        String property = message.getProperty();
        boolean aboutProperty = property != null && ("required".equals(message.getType())
                                                     || "additionalProperties".equals(message.getType()));
        String field = aboutProperty ? (path.isEmpty() ? property : path + "." + property) : path;
        String text = switch (message.getType()) {
            case "required" -> "is required";
            case "additionalProperties" -> "is not a field here";
            default -> message.getError() != null ? message.getError() : message.getMessage();
        };
        return new FieldProblem(field.isEmpty() ? "$" : field, text);
    }

    /** Orders paths so that {@code subjects[2]} comes before {@code subjects[10]}. */
    private static int documentOrder(String left, String right) {
        return pad(left).compareTo(pad(right));
    }

    private static String pad(String path) {
        return INDEX.matcher(path).replaceAll(match -> "[" + "%08d".formatted(Integer.parseInt(match.group(1))) + "]");
    }
}
