package com.memora.infra.persistence.srs;

import com.memora.kernel.id.Identifiers;

import java.util.Locale;

/** The tracker partition of a season (domain §12.6): {@code SEASON-2026} → {@code p_season_2026}. */
final class TrackerPartitionNames {

    static final String PARENT = "srs_tracker";
    private static final int MAX_LENGTH = 50;

    private TrackerPartitionNames() {
    }

    static String of(String seasonId) {
        if (!Identifiers.isValidSeasonId(seasonId)) {
            // season ids are validated long before; this keeps anything else out of DDL
            throw new IllegalArgumentException("Not a season id: " + seasonId);
        }
        String name = "p_" + seasonId.toLowerCase(Locale.ROOT).replace('-', '_').replace('.', '_').replace(' ', '_');
        return name.length() > MAX_LENGTH ? name.substring(0, MAX_LENGTH) : name;
    }
}
