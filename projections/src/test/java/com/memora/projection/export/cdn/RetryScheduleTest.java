package com.memora.projection.export.cdn;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetryScheduleTest {

    /** A clock the test moves by hand. */
    private static final class HandClock extends Clock {
        private Instant now;

        HandClock(Instant start) {
            now = start;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void aPlanThatKeepsFailingRetriesSevenTimesOverAboutFiftyFourMinutesThenGoesToDeadLetter() {
        Instant start = Instant.parse("2026-04-01T09:00:00Z");
        HandClock clock = new HandClock(start);
        RetrySchedule schedule = new RetrySchedule(RetrySchedule.DEFAULT_DELAYS, clock);

        List<Duration> waits = new ArrayList<>();
        int failedAttempts = 0;
        RetryDecision decision;
        while (true) {
            failedAttempts++; // the attempt at clock.now failed (transient)
            decision = schedule.afterFailure(failedAttempts);
            if (!(decision instanceof RetryDecision.RetryAt retry)) {
                break;
            }
            assertThat(retry.retryNumber()).isEqualTo(failedAttempts);
            waits.add(Duration.between(clock.now, retry.at()));
            clock.now = retry.at(); // the pipeline wakes up exactly then and tries again
        }

        assertThat(waits).containsExactly(Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2),
                                          Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofMinutes(15),
                                          Duration.ofMinutes(15));
        assertThat(decision).isEqualTo(new RetryDecision.DeadLetter(8));
        assertThat(Duration.between(start, clock.now)).isEqualTo(Duration.ofMinutes(53).plusSeconds(30));
        assertThat(schedule.totalDelay()).isEqualTo(Duration.ofMinutes(53).plusSeconds(30));
        assertThat(schedule.maxRetries()).isEqualTo(7);
    }

    @Test
    void theNextRetryCountsFromWhenTheFailureIsReportedNotFromTheFirstAttempt() {
        HandClock clock = new HandClock(Instant.parse("2026-04-01T09:00:00Z"));
        RetrySchedule schedule = new RetrySchedule(RetrySchedule.DEFAULT_DELAYS, clock);
        clock.now = clock.now.plus(Duration.ofMinutes(40)); // the third attempt ran late and failed now
        assertThat(schedule.afterFailure(3))
                .isEqualTo(new RetryDecision.RetryAt(Instant.parse("2026-04-01T09:42:00Z"), 3));
    }

    @Test
    void delaysAreASetting() {
        HandClock clock = new HandClock(Instant.EPOCH);
        RetrySchedule quick = new RetrySchedule(List.of(Duration.ofMillis(10), Duration.ofMillis(20)), clock);
        assertThat(quick.afterFailure(1)).isEqualTo(new RetryDecision.RetryAt(Instant.ofEpochMilli(10), 1));
        assertThat(quick.afterFailure(2)).isEqualTo(new RetryDecision.RetryAt(Instant.ofEpochMilli(20), 2));
        assertThat(quick.afterFailure(3)).isEqualTo(new RetryDecision.DeadLetter(3));

        assertThatThrownBy(() -> new RetrySchedule(List.of(), clock)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetrySchedule(List.of(Duration.ofSeconds(-1)), clock))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> quick.afterFailure(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
