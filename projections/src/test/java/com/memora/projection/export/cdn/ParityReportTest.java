package com.memora.projection.export.cdn;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ParityReportTest {

    private static final Instant AT = Instant.parse("2026-02-02T02:02:02Z");

    @Test
    void findsMissingExtraAndMismatchedFiles() {
        Map<String, String> local = Map.of("plans/P1/manifest.json", "aa", "plans/P1/lessons/L1.json", "bb",
                                           "plans/P1/lessons/L2.json", "cc");
        Map<String, String> cdn = Map.of("plans/P1/manifest.json", "AA", "plans/P1/lessons/L1.json", "00",
                                         "plans/P1/lessons/L9.json", "dd");

        ParityReport report = ParityReport.compare(AT, "plans/", local, cdn, 100);

        assertThat(report.clean()).isFalse();
        assertThat(report.matching()).as("ETag case does not matter").isEqualTo(1);
        assertThat(report.missingOnCdn()).containsExactly("plans/P1/lessons/L2.json");
        assertThat(report.extraOnCdn()).containsExactly("plans/P1/lessons/L9.json");
        assertThat(report.mismatched()).containsExactly(
                new ParityReport.Mismatch("plans/P1/lessons/L1.json", "bb", "00"));
        assertThat(report.localFiles()).isEqualTo(3);
        assertThat(report.cdnObjects()).isEqualTo(3);
        assertThat(report.truncated()).isFalse();
    }

    @Test
    void listsAreCappedButCountsStayExact() {
        Map<String, String> local = new HashMap<>();
        for (int i = 0; i < 250; i++) {
            local.put("plans/P1/lessons/L%03d.json".formatted(i), "x");
        }
        ParityReport report = ParityReport.compare(AT, "plans/", local, Map.of(), 10);
        assertThat(report.missingOnCdnCount()).isEqualTo(250);
        assertThat(report.missingOnCdn()).hasSize(10).first().isEqualTo("plans/P1/lessons/L000.json");
        assertThat(report.truncated()).isTrue();
    }

    @Test
    void identicalTreesAreClean() {
        Map<String, String> both = Map.of("plans/P1/manifest.json", "aa");
        ParityReport report = ParityReport.compare(AT, "plans/", both, both, 100);
        assertThat(report.clean()).isTrue();
        assertThat(report.matching()).isEqualTo(1);
    }
}
