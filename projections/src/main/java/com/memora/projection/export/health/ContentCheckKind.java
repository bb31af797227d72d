package com.memora.projection.export.health;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The two content health checks of domain §11.6. */
public enum ContentCheckKind {
    /** Hourly within business hours: disk, and a sample of up to 100 expected files. */
    QUICK,
    /** Nightly: disk, every expected file, orphans, and with the CDN on the bucket's hashes. */
    FULL;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ContentCheckKind> fromWire(String name) {
        return Arrays.stream(values()).filter(kind -> kind.wireName().equals(name)).findFirst();
    }
}
