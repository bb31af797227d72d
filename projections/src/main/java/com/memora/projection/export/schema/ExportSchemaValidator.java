package com.memora.projection.export.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.memora.projection.export.files.FileKind;
import com.memora.projection.export.files.GeneratedFile;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks every generated file against the JSON Schema of its kind (the contract of the export, shipped in
 * {@code schemas/export/} of this module) before anything is written (issue 4, item 5). Thread-safe; the schemas
 * are compiled once, when the validator is made, so a 5,000-lesson plan pays only for the checks.
 * <p>
 * Built on networknt's json-schema-validator (draft-07, format assertions on, JSON-pointer locations). The
 * schemas reference each other by their {@code https://memora.app/schemas/export/} ids, which are mapped to the
 * classpath: nothing is fetched over the network.
 */
public final class ExportSchemaValidator {

    public static final String SCHEMA_ID_PREFIX = "https://memora.app/schemas/export/";
    private static final String SCHEMA_CLASSPATH_PREFIX = "classpath:schemas/export/";

    private final Map<FileKind, JsonSchema> schemas = new EnumMap<>(FileKind.class);

    public ExportSchemaValidator() {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(
                SpecVersion.VersionFlag.V7,
                builder -> builder.schemaMappers(mappers -> mappers.mapPrefix(SCHEMA_ID_PREFIX,
                                                                              SCHEMA_CLASSPATH_PREFIX)));
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                                                              .pathType(PathType.JSON_POINTER)
                                                              .formatAssertionsEnabled(true)
                                                              .locale(Locale.ENGLISH)
                                                              .build();
        for (FileKind kind : FileKind.values()) {
            JsonSchema schema = factory.getSchema(SchemaLocation.of(SCHEMA_ID_PREFIX + kind.schemaFile()), config);
            schema.initializeValidators();
            schemas.put(kind, schema);
        }
    }

    /** Every violation of the file's schema and of its path's shape; empty when the file is valid. */
    public List<SchemaViolation> violations(GeneratedFile file) {
        return violations(file.kind(), file.path(), file.json());
    }

    public List<SchemaViolation> violations(FileKind kind, String path, JsonNode json) {
        List<SchemaViolation> violations = new ArrayList<>();
        if (!kind.matches(path)) {
            violations.add(new SchemaViolation(path, "", "a " + kind.name().toLowerCase(Locale.ROOT)
                                                         + " file cannot live at this path (decisions F1, I1)"));
        }
        for (ValidationMessage message : schemas.get(kind).validate(json)) {
            violations.add(new SchemaViolation(path, message.getInstanceLocation().toString(),
                                               withoutLocation(message)));
        }
        violations.sort(Comparator.comparing(SchemaViolation::pointer).thenComparing(SchemaViolation::message));
        return violations;
    }

    /** @throws ExportSchemaViolationException naming every violation of every file */
    public void requireValid(Collection<GeneratedFile> files) {
        List<SchemaViolation> violations = new ArrayList<>();
        files.forEach(file -> violations.addAll(violations(file)));
        if (!violations.isEmpty()) {
            throw new ExportSchemaViolationException(violations);
        }
    }

    public void requireValid(GeneratedFile file) {
        requireValid(List.of(file));
    }

    /** networknt prefixes its messages with the location, which {@link SchemaViolation} carries on its own. */
    private static String withoutLocation(ValidationMessage message) {
        String text = message.getMessage();
        String location = message.getInstanceLocation().toString() + ": ";
        return text.startsWith(location) ? text.substring(location.length()) : text;
    }
}
