package com.memora.projection.export.cdn;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SigningWindowTest {

    private static final Duration FOUR_HOURS = Duration.ofHours(4);

    @Test
    void everyMomentOfAHalfLifetimeSignsAlikeAndLeavesAtLeastHalfTheLifetime() {
        Instant windowStart = Instant.parse("2026-01-25T10:00:00Z"); // 10:00 is a multiple of 2 h since the epoch
        for (long second = 0; second < 2 * 3600; second += 599) {
            Instant at = windowStart.plusSeconds(second);
            SigningWindow window = SigningWindow.of(at, FOUR_HOURS);
            assertThat(window.start()).isEqualTo(windowStart);
            assertThat(window.expiry()).isEqualTo(Instant.parse("2026-01-25T14:00:00Z"));
            assertThat(Duration.between(at, window.expiry())).isGreaterThan(Duration.ofHours(2))
                                                               .isLessThanOrEqualTo(FOUR_HOURS);
        }
        SigningWindow next = SigningWindow.of(windowStart.plus(Duration.ofHours(2)), FOUR_HOURS);
        assertThat(next.start()).isEqualTo(Instant.parse("2026-01-25T12:00:00Z"));
        assertThat(next.expiry()).isEqualTo(Instant.parse("2026-01-25T16:00:00Z"));
    }

    @Test
    void aReSignChangesAFileAtMostOncePerHalfLifetime() {
        Duration lifetime = Duration.ofHours(1);
        Instant signedAt = Instant.parse("2026-03-01T08:10:00Z");
        Instant expiry = SigningWindow.of(signedAt, lifetime).expiry(); // window 08:00–08:30, expires 09:00
        assertThat(expiry).isEqualTo(Instant.parse("2026-03-01T09:00:00Z"));

        int changes = 0;
        for (Instant now = signedAt; now.isBefore(signedAt.plus(Duration.ofHours(3))); now = now.plusSeconds(60)) {
            if (SigningWindow.resignDue(expiry, now, lifetime)) {
                expiry = SigningWindow.of(now, lifetime).expiry();
                changes++;
                assertThat(Duration.between(now, expiry)).isGreaterThan(Duration.ofMinutes(30));
            }
        }
        assertThat(changes).as("3 hours of a job every minute, 1 h links: one change per 30 min").isEqualTo(6);
        assertThat(SigningWindow.resignDue(null, signedAt, lifetime)).as("never signed").isTrue();
    }

    @Test
    void theWholeRangeOfLifetimesWorks() {
        Instant at = Instant.parse("2026-05-05T05:05:05Z");
        for (int hours = 1; hours <= 24; hours++) {
            SigningWindow window = SigningWindow.of(at, Duration.ofHours(hours));
            assertThat(window.lifetime()).isEqualTo(Duration.ofHours(hours));
            assertThat(window.start()).isBeforeOrEqualTo(at);
            assertThat(Duration.between(at, window.expiry())).isGreaterThan(Duration.ofMinutes(30L * hours));
        }
        assertThatThrownBy(() -> SigningWindow.of(at, Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
    }
}
