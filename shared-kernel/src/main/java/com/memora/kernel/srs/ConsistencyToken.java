package com.memora.kernel.srs;

import com.memora.kernel.error.InvalidInputException;
import com.memora.kernel.id.Identifiers;

/**
 * Read-your-writes for reviews (decisions R5): {@code POST /api/reviews} answers with the position of the events it
 * stored, and the player's next {@code GET /api/reviews/due} carries it in {@code X-Consistency-Token}. The position
 * is the sequence number of the submission's event in the player's memory stream for that season, written
 * {@code SEASON-2026:17}: per player, so a read waits only for the player's own events, and comparable with what
 * each projection stores as applied for that player.
 */
public record ConsistencyToken(String seasonId, long sequence) {

    public static final String HEADER = "X-Consistency-Token";

    public String format() {
        return seasonId + ":" + sequence;
    }

    public static ConsistencyToken parse(String value) {
        int colon = value == null ? -1 : value.lastIndexOf(':');
        if (colon > 0 && Identifiers.isValidSeasonId(value.substring(0, colon))) {
            try {
                long sequence = Long.parseLong(value.substring(colon + 1));
                if (sequence >= 0) {
                    return new ConsistencyToken(value.substring(0, colon), sequence);
                }
            } catch (NumberFormatException e) {
                // falls through to the refusal below
            }
        }
        throw new InvalidInputException("consistency-token", HEADER,
                HEADER + " must be the consistency_token of a review submission, e.g. SEASON-2026:17");
    }
}
