package com.memora.kernel.srs;

import com.memora.kernel.error.ConflictException;
import com.memora.kernel.error.NotFoundException;
import com.memora.kernel.season.SeasonRegistry;
import com.memora.kernel.season.SeasonStatus;

/**
 * Which season a review or a review read is about (decisions S3, S6): the one named, which must exist and not be
 * archived, or else the active one. Answered from the synchronous season registry, never from a read model.
 */
public final class ReviewSeasons {

    private ReviewSeasons() {
    }

    public static SeasonStatus resolve(SeasonRegistry registry, String requestedSeasonId) {
        SeasonStatus season;
        if (requestedSeasonId == null) {
            season = registry.active().orElseThrow(() -> new ConflictException("no-active-season",
                    "No season is active, so the season must be named (season=SEASON-YYYY)"));
        } else {
            season = registry.find(requestedSeasonId)
                             .orElseThrow(() -> new NotFoundException("season", requestedSeasonId));
        }
        if (season.archived()) {
            throw reviewsClosed(season.seasonId());
        }
        return season;
    }

    /** The refusal of a review or review read for an archived season (decisions S6). */
    public static ConflictException reviewsClosed(String seasonId) {
        return new ConflictException("season-archived", "Season " + seasonId + " is archived: its reviews are "
                                                        + "closed and can no longer be read or submitted");
    }
}
