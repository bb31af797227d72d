package com.memora.infra.web;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemsTest {

    @Test
    void aCodeWithSpacesOrCapitalsStillMakesAValidProblemType() {
        assertThat(Problems.type("sync log entry-not-found").toString())
                .isEqualTo("urn:memora:problem:sync-log-entry-not-found");
        assertThat(Problems.type("Season/Archived").toString()).isEqualTo("urn:memora:problem:season-archived");
    }

    @Test
    void aMessageQuotingAHugeInputIsCutShort() {
        String huge = "endpoint_url must be an http:// or https:// URL, got '" + "x".repeat(10_000) + "'";
        ProblemDetail problem = Problems.invalid("cdn-settings-invalid",
                                                 List.of(new Problems.FieldError("endpoint_url", huge)));
        assertThat(problem.getDetail()).hasSizeLessThanOrEqualTo(Problems.MAX_MESSAGE + 1)
                                       .startsWith("endpoint_url: endpoint_url must be");
        assertThat(problem.getProperties().get("errors").toString()).hasSizeLessThan(Problems.MAX_MESSAGE + 100);
        assertThat(Problems.of(HttpStatus.BAD_REQUEST, "x", "X", "short").getDetail()).isEqualTo("short");
    }

    @Test
    void anOrdinaryCodeIsKeptAsItIs() {
        assertThat(Problems.type("export-not-dead-lettered").toString())
                .isEqualTo("urn:memora:problem:export-not-dead-lettered");
    }
}
