package com.memora.infra.ops.health;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reference contract of health reports, {@code health-check.schema.json} (copied verbatim from
 * shared/reference/contracts/004-local-storage-fallback into the test resources): a report must validate against
 * the schema, and carry the fields its kind's definition ({@code quickCheck} / {@code fullScan}) requires — the
 * contract lists those under {@code definitions} without referencing them, so they are checked here one by one.
 */
public final class HealthReportContract {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNode SCHEMA_DOCUMENT = read();
    private static final JsonSchema SCHEMA = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
            .getSchema(SCHEMA_DOCUMENT, SchemaValidatorsConfig.builder().formatAssertionsEnabled(true)
                                                              .locale(Locale.ENGLISH).build());

    private HealthReportContract() {
    }

    /** @param definition {@code quickCheck} or {@code fullScan} */
    public static void assertConforms(JsonNode report, String definition) {
        List<String> violations = new ArrayList<>();
        for (ValidationMessage message : SCHEMA.validate(report)) {
            violations.add(message.getMessage());
        }
        assertThat(violations).as("violations of health-check.schema.json by %s", report).isEmpty();
        List<String> required = new ArrayList<>();
        SCHEMA_DOCUMENT.at("/definitions/" + definition + "/required").forEach(field -> required.add(field.asText()));
        assertThat(required).as("the contract's %s definition", definition).isNotEmpty();
        assertThat(required).allSatisfy(field -> assertThat(report.has(field))
                .as("%s requires %s in %s", definition, field, report).isTrue());
    }

    private static JsonNode read() {
        try (InputStream in = HealthReportContract.class.getResourceAsStream("/contracts/health-check.schema.json")) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
