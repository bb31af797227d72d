package com.memora.projection.export.health;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Decisions O9: days, hours and time zone of the quick check are settings; hour 8 ≤ h < 18 by default. */
class BusinessHoursTest {

    @Test
    void theDefaultIsMondayToFridayFromEightUntilBeforeSixteenUtc() {
        BusinessHours hours = BusinessHours.DEFAULT;
        assertThat(hours.contains(Instant.parse("2031-03-03T08:00:00Z"))).as("Monday 08:00").isTrue();
        assertThat(hours.contains(Instant.parse("2031-03-03T07:59:59Z"))).as("Monday 07:59:59").isFalse();
        assertThat(hours.contains(Instant.parse("2031-03-07T17:59:59Z"))).as("Friday 17:59:59").isTrue();
        assertThat(hours.contains(Instant.parse("2031-03-07T18:00:00Z"))).as("Friday 18:00").isFalse();
        assertThat(hours.contains(Instant.parse("2031-03-08T10:00:00Z"))).as("Saturday").isFalse();
        assertThat(hours.contains(Instant.parse("2031-03-09T10:00:00Z"))).as("Sunday").isFalse();
        assertThat(hours.describe()).isEqualTo("Mon, Tue, Wed, Thu, Fri 08:00–18:00 (UTC)");
    }

    @Test
    void anotherWeekAndZoneAreReadOnTheirOwnWallClock() {
        BusinessHours cairo = new BusinessHours(EnumSet.of(DayOfWeek.SUNDAY, DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
                                                           DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY),
                                                LocalTime.of(9, 30), LocalTime.of(17, 0), ZoneId.of("Africa/Cairo"));
        // Cairo is UTC+2 in March 2031 (no daylight saving then)
        assertThat(cairo.contains(Instant.parse("2031-03-09T07:30:00Z"))).as("Sunday 09:30 in Cairo").isTrue();
        assertThat(cairo.contains(Instant.parse("2031-03-09T07:29:59Z"))).as("Sunday 09:29:59 in Cairo").isFalse();
        assertThat(cairo.contains(Instant.parse("2031-03-13T14:59:00Z"))).as("Thursday 16:59 in Cairo").isTrue();
        assertThat(cairo.contains(Instant.parse("2031-03-13T15:00:00Z"))).as("Thursday 17:00 in Cairo").isFalse();
        assertThat(cairo.contains(Instant.parse("2031-03-14T08:00:00Z"))).as("Friday in Cairo").isFalse();
        // 23:30 UTC on Saturday is already Sunday 01:30 in Cairo: a weekday there, but outside the hours
        assertThat(cairo.contains(Instant.parse("2031-03-08T23:30:00Z"))).isFalse();
        assertThat(cairo.describe()).isEqualTo("Mon, Tue, Wed, Thu, Sun 09:30–17:00 (Africa/Cairo)");
    }

    @Test
    void nonsenseSettingsAreRefused() {
        assertThatThrownBy(() -> new BusinessHours(EnumSet.noneOf(DayOfWeek.class), LocalTime.of(8, 0),
                                                   LocalTime.of(18, 0), ZoneId.of("UTC")))
                .hasMessageContaining("at least one day");
        assertThatThrownBy(() -> new BusinessHours(EnumSet.of(DayOfWeek.MONDAY), LocalTime.of(18, 0),
                                                   LocalTime.of(8, 0), ZoneId.of("UTC")))
                .hasMessageContaining("before they close");
    }
}
