package com.memora.infra.srs;

import com.memora.kernel.srs.fsrs.CardMemory;
import com.memora.kernel.srs.fsrs.FsrsScheduler;
import com.memora.kernel.srs.fsrs.Rating;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The scheduler's service settings ({@code memora.srs.fsrs.*}): what a player's intervals become with them. */
class FsrsSettingsTest {

    private static final Instant START = Instant.parse("2026-10-05T08:00:00Z");

    private static FsrsScheduler scheduler(Boolean fuzz, Double retention, Integer maximumDays) {
        SrsProperties properties = new SrsProperties(null, null, null, null, null, null,
                                                     new SrsProperties.Fsrs(fuzz, retention, maximumDays), null);
        return new PlayerMemoryConfiguration().fsrsScheduler(properties);
    }

    /** The intervals (scheduled days) of a card answered Good at each due time, {@code reviews} times. */
    private static List<Integer> goodIntervals(FsrsScheduler scheduler, int reviews) {
        List<Integer> intervals = new ArrayList<>();
        CardMemory card = CardMemory.newCard(START);
        Instant now = START;
        for (int i = 0; i < reviews; i++) {
            card = scheduler.review(card, Rating.GOOD, now);
            intervals.add(card.scheduledDays());
            now = card.due();
        }
        return intervals;
    }

    @Test
    void byDefaultFsrsMdsParametersWithoutFuzz() {
        SrsProperties defaults = new SrsProperties(null, null, null, null, null, null, null, null);
        assertThat(defaults.fsrs().enableFuzz()).isFalse();
        assertThat(defaults.fsrs().desiredRetention()).isEqualTo(0.9);
        assertThat(defaults.fsrs().maximumIntervalDays()).isEqualTo(36_500);
        assertThat(goodIntervals(scheduler(null, null, null), 8))
                .as("no fuzz: the same every time").isEqualTo(goodIntervals(scheduler(false, 0.9, 36_500), 8));
    }

    @Test
    void fuzzSpreadsLongIntervals() {
        List<Integer> plain = goodIntervals(scheduler(false, null, null), 8);
        List<Integer> fuzzed = goodIntervals(scheduler(true, null, null), 8);
        assertThat(fuzzed).isNotEqualTo(plain);
        assertThat(fuzzed.subList(0, 2)).as("same-day steps are not fuzzed").isEqualTo(plain.subList(0, 2));
    }

    @Test
    void aLowerRetentionLengthensIntervalsAndTheMaximumCapsThem() {
        List<Integer> plain = goodIntervals(scheduler(false, null, null), 8);
        List<Integer> relaxed = goodIntervals(scheduler(false, 0.8, null), 8);
        assertThat(relaxed.get(7)).isGreaterThan(plain.get(7));
        assertThat(plain.get(7)).isGreaterThan(100);
        // ts-fsrs caps Hard at the maximum and keeps Good one day above Hard, so Good tops out at maximum + 1
        assertThat(goodIntervals(scheduler(false, null, 30), 12)).allMatch(days -> days <= 31).endsWith(31, 31);
    }

    @Test
    void invalidSettingsAreRefusedNamingTheSetting() {
        assertThatThrownBy(() -> new SrsProperties.Fsrs(null, 1.0, null))
                .hasMessageContaining("memora.srs.fsrs.desired-retention");
        assertThatThrownBy(() -> new SrsProperties.Fsrs(null, null, 0))
                .hasMessageContaining("memora.srs.fsrs.maximum-interval-days");
    }
}
