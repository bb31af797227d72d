package com.memora.projection.srs.ops;

import com.memora.kernel.error.ConflictException;
import com.memora.kernel.error.NotFoundException;
import com.memora.kernel.season.SeasonRegistry;
import com.memora.kernel.season.SeasonStatus;

/** The one check before work on a season's review cache: the season exists, is not archived and uses the cache. */
final class CacheSeasons {

    private CacheSeasons() {
    }

    /**
     * @param work what was asked, for the message ("rebuild", "reconcile")
     * @throws NotFoundException for an unknown season
     * @throws ConflictException for an archived season or one that does not use the cache
     */
    static SeasonStatus requireUsesCache(SeasonRegistry seasons, String seasonId, String work) {
        SeasonStatus season = seasons.find(seasonId).orElseThrow(() -> new NotFoundException("season", seasonId));
        if (season.archived()) {
            throw new ConflictException("season-archived",
                    "Season " + seasonId + " is archived: it has no review cache to " + work);
        }
        if (!season.enableRedis()) {
            throw new ConflictException("review-cache-disabled",
                    "Season " + seasonId + " does not use the review cache (enable_redis is off); turning it on "
                    + "rebuilds the cache by itself");
        }
        return season;
    }
}
