package com.memora.projection.export.pipeline;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Decisions F5: {@code max(last published + 1, epoch seconds)}, read from what is published. */
class BuildNumbersTest {

    private static final Instant NOW = Instant.parse("2026-09-01T08:00:00Z");

    @Test
    void aFirstBuildIsNumberedByTheClock() {
        assertThat(BuildNumbers.next(0, 0, NOW)).isEqualTo(NOW.getEpochSecond());
    }

    @Test
    void aLaterSecondGivesALargerNumber() {
        assertThat(BuildNumbers.next(NOW.getEpochSecond() - 300, 0, NOW)).isEqualTo(NOW.getEpochSecond());
    }

    @Test
    void twoBuildsInOneSecondStillDiffer() {
        assertThat(BuildNumbers.next(NOW.getEpochSecond(), 0, NOW)).isEqualTo(NOW.getEpochSecond() + 1);
    }

    @Test
    void aClockBehindWhatIsPublishedNeverLowersTheNumber() {
        long published = NOW.getEpochSecond() + 3_600;
        assertThat(BuildNumbers.next(published, 0, NOW)).isEqualTo(published + 1);
    }

    @Test
    void theStagedManifestCountsWhenThePublicationStateKnowsLess() {
        long staged = NOW.getEpochSecond() + 60;
        assertThat(BuildNumbers.next(0, staged, NOW)).isEqualTo(staged + 1);
        assertThat(BuildNumbers.next(staged - 10, staged, NOW)).isEqualTo(staged + 1);
    }
}
