package com.memora.kernel.id;

/**
 * Aggregate identifiers are prefixed by their kind (decisions I2), so that a subject called {@code X} and a
 * player's memory for {@code X} can never share an event stream. Messages carry the plain business id; only the
 * event store sees the prefixed form.
 */
public final class AggregateIds {

    private AggregateIds() {
    }

    public static String of(String kind, String businessId) {
        return kind + ":" + businessId;
    }

    public static String season(String seasonId) {
        return of("season", seasonId);
    }

    /**
     * A player's memory in one season (spaced repetition): {@code memory:SEASON-2026:player-7}. The season comes
     * first because season ids never contain a colon while player ids (a token's {@code sub}) may.
     */
    public static String playerMemory(String seasonId, String playerId) {
        return of("memory", seasonId + ":" + playerId);
    }

    /** The business id of a prefixed aggregate identifier ({@code season:SEASON-2026} → {@code SEASON-2026}). */
    public static String businessId(String aggregateId) {
        int colon = aggregateId.indexOf(':');
        return colon < 0 ? aggregateId : aggregateId.substring(colon + 1);
    }
}
