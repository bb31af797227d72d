package com.memora.projection.export.health;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** How a health check run ended: with a report, skipped (outside business hours, during a replay) or failed. */
public enum RunOutcome {
    REPORTED, SKIPPED, FAILED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
