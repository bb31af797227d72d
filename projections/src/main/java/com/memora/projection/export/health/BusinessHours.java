package com.memora.projection.export.health;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * When the hourly quick check runs (decisions O9): on these days, from {@code opens} (inclusive) to {@code closes}
 * (exclusive), in this time zone — by default Monday to Friday, 08:00 to 18:00 (domain §11.6: hour 8 ≤ h < 18).
 * The platform's week may be another (Sunday to Thursday, say), and its hours local to its students.
 */
public record BusinessHours(Set<DayOfWeek> days, LocalTime opens, LocalTime closes, ZoneId zone) {

    public static final BusinessHours DEFAULT = new BusinessHours(
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(8, 0), LocalTime.of(18, 0),
            ZoneId.of("UTC"));

    public BusinessHours {
        Objects.requireNonNull(opens, "opens");
        Objects.requireNonNull(closes, "closes");
        Objects.requireNonNull(zone, "zone");
        if (days == null || days.isEmpty()) {
            throw new IllegalArgumentException("business hours need at least one day");
        }
        if (!opens.isBefore(closes)) {
            throw new IllegalArgumentException("business hours must open (" + opens + ") before they close ("
                                               + closes + ")");
        }
        days = Set.copyOf(EnumSet.copyOf(days));
    }

    /** Whether the instant falls inside business hours, read on the wall clock of {@link #zone}. */
    public boolean contains(Instant instant) {
        ZonedDateTime local = instant.atZone(zone);
        LocalTime time = local.toLocalTime();
        return days.contains(local.getDayOfWeek()) && !time.isBefore(opens) && time.isBefore(closes);
    }

    /** {@code Mon, Tue, Wed, Thu, Fri 08:00–18:00 (UTC)} */
    public String describe() {
        String dayList = EnumSet.copyOf(days).stream()
                                .map(day -> day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH))
                                .collect(Collectors.joining(", "));
        return dayList + " " + opens + "–" + closes + " (" + zone.getId() + ")";
    }
}
