package com.memora.projection.export.health;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * The overall status of a report (health-check.schema.json): {@code critical} when free disk is below the minimum;
 * else {@code warning} when anything is missing, orphaned or different on the CDN; else {@code healthy}.
 */
public enum HealthStatus {
    HEALTHY, WARNING, CRITICAL;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
