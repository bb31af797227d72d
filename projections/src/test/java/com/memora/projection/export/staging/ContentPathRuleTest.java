package com.memora.projection.export.staging;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ContentPathRuleTest {

    @Test
    void plainRelativePathsUnderTheTreeAreContentPaths() {
        assertThat(ContentPathRule.problem("plans/P1/manifest.json")).isEmpty();
        assertThat(ContentPathRule.problem("plans/P-1_x/lessons/L2.json")).isEmpty();
        assertThat(ContentPathRule.isValid("plans")).isTrue();
    }

    @Test
    void traversalAbsoluteHiddenAndReservedPathsAreNot() {
        assertThat(ContentPathRule.problem("../etc/passwd")).hasValueSatisfying(p -> assertThat(p).contains("'..'"));
        assertThat(ContentPathRule.problem("plans/../../x.json")).isPresent();
        assertThat(ContentPathRule.problem("/etc/passwd")).hasValueSatisfying(p -> assertThat(p).contains("absolute"));
        assertThat(ContentPathRule.problem("plans//x.json")).isPresent();
        assertThat(ContentPathRule.problem("plans/.hidden")).isPresent();
        assertThat(ContentPathRule.problem("C:\\windows")).isPresent();
        assertThat(ContentPathRule.problem("plans/P1/manifest.json.prev")).isPresent();
        assertThat(ContentPathRule.problem("plans/P1/manifest.json.tmp.1234")).isPresent();
        assertThat(ContentPathRule.problem("plans/P1/")).isPresent();
        assertThat(ContentPathRule.problem("")).isPresent();
        assertThat(ContentPathRule.problem(null)).isPresent();
        assertThat(ContentPathRule.problem("a/".repeat(600))).hasValueSatisfying(p -> assertThat(p).contains("longer"));
    }
}
