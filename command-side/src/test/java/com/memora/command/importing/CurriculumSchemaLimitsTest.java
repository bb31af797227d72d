package com.memora.command.importing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.memora.kernel.content.ContentRules;
import com.memora.kernel.plan.PlanRules;
import com.memora.kernel.season.SeasonRules;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The import's schema states the same limits the aggregates enforce, so a document within the schema's limits is
 * never refused for size half-way through its dispatch.
 */
class CurriculumSchemaLimitsTest {

    private static JsonNode schema() throws IOException {
        try (InputStream in = CurriculumSchema.class.getResourceAsStream(CurriculumSchema.RESOURCE)) {
            return new ObjectMapper().readTree(in);
        }
    }

    @Test
    void listLimitsAreTheAggregatesLimits() throws IOException {
        JsonNode defs = schema().get("$defs");
        assertThat(defs.at("/plan/properties/overrides/maxItems").asInt()).isEqualTo(PlanRules.MAX_OVERRIDES);
        assertThat(defs.at("/plan/properties/subjects/maxItems").asInt()).isEqualTo(PlanRules.MAX_SUBJECTS);
        assertThat(defs.at("/lesson/properties/stages/maxItems").asInt()).isEqualTo(ContentRules.MAX_STAGES);
    }

    @Test
    void textLimitsAreTheAggregatesLimits() throws IOException {
        JsonNode defs = schema().get("$defs");
        assertThat(defs.at("/title/maxLength").asInt()).isEqualTo(ContentRules.MAX_TITLE)
                                                       .isEqualTo(PlanRules.MAX_TITLE)
                                                       .isEqualTo(SeasonRules.MAX_TITLE_LENGTH);
        assertThat(defs.at("/override/properties/value/maxLength").asInt()).isEqualTo(PlanRules.MAX_TITLE);
        assertThat(defs.at("/item/maxLength").asInt()).isEqualTo(ContentRules.MAX_ITEM);
        assertThat(defs.at("/url/maxLength").asInt()).isEqualTo(ContentRules.MAX_URL);
        assertThat(defs.at("/subject/properties/description/maxLength").asInt())
                .isEqualTo(ContentRules.MAX_DESCRIPTION);
    }
}
