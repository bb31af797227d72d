package com.memora.infra.ops.health;

import com.memora.projection.export.health.BusinessHours;
import com.memora.projection.export.health.ContentHealthSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Set;

/**
 * The content health checks and the disk watch (README "Operations"; domain §11.6, decisions O5, O9).
 *
 * @param businessHours     when the hourly quick check runs; outside, a run is recorded as skipped
 * @param sampleSize        files a quick check samples from the expected set
 * @param listLimit         paths a report lists per list at most (counts stay exact)
 * @param historyRetention  runs older than this are removed by the nightly scan
 * @param diskWatchInterval how often the free disk is checked (an alert goes out within this time, O5)
 * <p>
 * When the checks fire ({@code memora.health.quick-check-cron}, hourly, and {@code memora.health.full-scan-cron},
 * nightly) is read by {@link ContentHealthScheduler}'s triggers themselves.
 */
@ConfigurationProperties("memora.health")
public record ContentHealthProperties(Hours businessHours,
                                      Integer sampleSize,
                                      Integer listLimit,
                                      Duration historyRetention,
                                      Duration diskWatchInterval) {

    public ContentHealthProperties {
        businessHours = businessHours == null ? new Hours(null, null, null, null) : businessHours;
        sampleSize = sampleSize == null ? 100 : sampleSize;
        listLimit = listLimit == null ? 1000 : listLimit;
        historyRetention = historyRetention == null ? Duration.ofDays(90) : historyRetention;
        diskWatchInterval = diskWatchInterval == null ? Duration.ofMinutes(1) : diskWatchInterval;
    }

    ContentHealthSettings settings() {
        return new ContentHealthSettings(businessHours.toBusinessHours(), sampleSize, listLimit);
    }

    /**
     * @param days   e.g. {@code MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY} (the default) or
     *               {@code SUNDAY,MONDAY,TUESDAY,WEDNESDAY,THURSDAY}
     * @param opens  {@code HH:mm}, inclusive (default {@code 08:00})
     * @param closes {@code HH:mm}, exclusive (default {@code 18:00})
     * @param zone   a time zone id such as {@code Africa/Cairo} (default {@code UTC})
     */
    public record Hours(Set<DayOfWeek> days, String opens, String closes, String zone) {

        BusinessHours toBusinessHours() {
            BusinessHours defaults = BusinessHours.DEFAULT;
            try {
                return new BusinessHours(days == null || days.isEmpty() ? defaults.days() : EnumSet.copyOf(days),
                                         opens == null ? defaults.opens() : LocalTime.parse(opens.trim()),
                                         closes == null ? defaults.closes() : LocalTime.parse(closes.trim()),
                                         zone == null || zone.isBlank() ? defaults.zone() : ZoneId.of(zone.trim()));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("memora.health.business-hours: opens and closes are times like "
                                                   + "08:00 (" + e.getMessage() + ")", e);
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("memora.health.business-hours.zone: " + e.getMessage(), e);
            }
        }
    }
}
