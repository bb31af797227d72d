package com.memora.query.srs.ops;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.memora.kernel.error.NotFoundException;
import com.memora.kernel.id.Identifiers;
import com.memora.projection.srs.ops.ReviewCacheAdmin;
import com.memora.projection.srs.ops.SeasonArchiveQueries;
import jakarta.validation.constraints.Pattern;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/** What an administrator reads about the SRS data: the review cache's status and a season's archive figures. */
@RestController
@RequestMapping("/api/admin/srs")
@PreAuthorize("hasRole('ADMIN')")
@Validated
class SrsOperationsQueryController {

    private final ReviewCacheAdmin cache;
    private final SeasonArchiveQueries archive;

    SrsOperationsQueryController(ReviewCacheAdmin cache, SeasonArchiveQueries archive) {
        this.cache = cache;
        this.archive = archive;
    }

    /**
     * Answers while Redis is down too ({@code redis_connected: false}): that is when it is needed most. The key
     * counts are reused for a few seconds ({@code keys_counted_at}); {@code fresh=true} counts them now.
     */
    @GetMapping("/cache")
    CacheStatusResponse cache(@RequestParam(name = "fresh", defaultValue = "false") boolean fresh) {
        ReviewCacheAdmin.CacheStatus status = fresh ? cache.freshStatus() : cache.status();
        return new CacheStatusResponse(status.redisConnected(), status.safeMode(), status.memoryUsedMb(),
                                       status.totalKeys(), status.keysBySeason(), status.keysCountedAt());
    }

    @GetMapping("/seasons/{id}/archive")
    ArchiveStatusResponse archive(@PathVariable("id")
                                  @Pattern(regexp = Identifiers.SEASON_ID_REGEX,
                                           message = "must look like SEASON-YYYY or SEASON-YYYY-SUFFIX") String id) {
        SeasonArchiveQueries.ArchiveStatus status = archive.status(id)
                                                           .orElseThrow(() -> new NotFoundException("season", id));
        return new ArchiveStatusResponse(status.season(), status.isActive(), status.autoArchive(), status.endDate(),
                                         status.archived(), status.archivedAt(), status.activeRecords(),
                                         status.archivedRecords(), status.eligibleForDeletion(),
                                         status.totalRecords());
    }

    /** Every field always present; the Redis figures are null while Redis is not connected. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record CacheStatusResponse(boolean redisConnected, boolean safeMode, Double memoryUsedMb, Long totalKeys,
                               Map<String, Long> keysBySeason, Instant keysCountedAt) {
    }

    record ArchiveStatusResponse(String season, boolean isActive, boolean autoArchive, LocalDate endDate,
                                 boolean archived, Instant archivedAt, long activeRecords, long archivedRecords,
                                 long eligibleForDeletion, long totalRecords) {
    }
}
