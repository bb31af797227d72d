package com.memora.kernel.srs;

/**
 * The player's questions due now ({@code GET /api/reviews/due}).
 *
 * @param seasonId         the season, or {@code null} for the active one
 * @param subject          only questions of this subject, or {@code null}
 * @param limit            1–50
 * @param consistencyToken from the player's last submission (R5), or {@code null}
 */
public record FetchDueReviewsQuery(String playerId, String seasonId, String subject, int limit,
                                   ConsistencyToken consistencyToken) {
}
