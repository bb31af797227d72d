package com.memora.kernel.season;

/**
 * The season is no longer the active one.
 *
 * @param replacedBy the season whose activation deactivated this one (at most one season is active, decisions S1);
 *                   {@code null} when an editor deactivated it directly, and in events stored before this field
 */
public record SeasonDeactivatedEvent(String seasonId, String replacedBy) {

    public SeasonDeactivatedEvent(String seasonId) {
        this(seasonId, null);
    }
}
