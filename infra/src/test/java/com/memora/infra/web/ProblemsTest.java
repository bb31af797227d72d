package com.memora.infra.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemsTest {

    @Test
    void aCodeWithSpacesOrCapitalsStillMakesAValidProblemType() {
        assertThat(Problems.type("sync log entry-not-found").toString())
                .isEqualTo("urn:memora:problem:sync-log-entry-not-found");
        assertThat(Problems.type("Season/Archived").toString()).isEqualTo("urn:memora:problem:season-archived");
    }

    @Test
    void anOrdinaryCodeIsKeptAsItIs() {
        assertThat(Problems.type("export-not-dead-lettered").toString())
                .isEqualTo("urn:memora:problem:export-not-dead-lettered");
    }
}
