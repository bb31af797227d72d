package com.memora.infra.srs.ops;

import com.memora.kernel.error.InvalidInputException;
import com.memora.kernel.error.TemporarilyUnavailableException;
import com.memora.kernel.id.Identifiers;
import com.memora.projection.srs.ReviewQueuesUnavailableException;
import com.memora.projection.srs.ops.ArchiveRetention;
import com.memora.projection.srs.ops.CacheReconciliation;
import com.memora.projection.srs.ops.ReconciliationResult;
import com.memora.projection.srs.ops.SeasonArchiving;
import com.memora.projection.srs.ops.SeasonCacheRebuild;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The SRS operations an administrator starts (api.md "Operations"): rebuilding a season's review cache,
 * reconciling the cache with the tracker, archiving a season and deleting archived rows flagged by retention.
 * Long work answers {@code 202} with a job id ({@code GET /api/admin/jobs/{id}}: progress, result).
 */
@RestController
@RequestMapping("/api/admin/srs")
@PreAuthorize("hasRole('ADMIN')")
@Validated
class SrsOperationsController {

    private static final String SEASON_ID_MESSAGE = "must look like SEASON-YYYY or SEASON-YYYY-SUFFIX";

    private final SeasonCacheRebuild rebuilds;
    private final CacheReconciliation reconciliation;
    private final SeasonArchiving archiving;
    private final ArchiveRetention retention;

    SrsOperationsController(SeasonCacheRebuild rebuilds, CacheReconciliation reconciliation,
                            SeasonArchiving archiving, ArchiveRetention retention) {
        this.rebuilds = rebuilds;
        this.reconciliation = reconciliation;
        this.archiving = archiving;
        this.retention = retention;
    }

    @PostMapping("/seasons/{id}/rebuild-cache")
    ResponseEntity<RebuildStarted> rebuildCache(@PathVariable("id")
                                                @Pattern(regexp = Identifiers.SEASON_ID_REGEX,
                                                         message = SEASON_ID_MESSAGE) String id) {
        SeasonCacheRebuild.Started started = rebuilds.start(id);
        return ResponseEntity.accepted().body(new RebuildStarted(started.jobId(), "started", id,
                                                                 started.estimatedRecords(),
                                                                 jobUrl(started.jobId())));
    }

    @PostMapping("/reconcile")
    ReconciliationResult reconcile(@Valid @RequestBody(required = false) ReconcileRequest body) {
        ReconcileRequest request = body == null ? new ReconcileRequest(null, null) : body;
        return whileRedisAnswers(() -> reconciliation.reconcile(request.sampleSize(), request.season()));
    }

    @PostMapping("/seasons/{id}/archive")
    ResponseEntity<ArchiveStarted> archive(@PathVariable("id")
                                           @Pattern(regexp = Identifiers.SEASON_ID_REGEX,
                                                    message = SEASON_ID_MESSAGE) String id,
                                           @RequestBody(required = false) ConfirmRequest body) {
        requireConfirmed(body == null ? null : body.confirm(),
                         "Archiving closes the season's reviews for good and moves its tracker rows to the archive");
        SeasonArchiving.Started started = archiving.start(id, false).orElseThrow();
        return ResponseEntity.accepted().body(new ArchiveStarted(started.jobId(), "started", id,
                                                                 started.state().archivedNow(),
                                                                 jobUrl(started.jobId())));
    }

    @PostMapping("/retention/delete")
    Map<String, Object> deleteFlagged(@Valid @RequestBody(required = false) RetentionDeleteRequest body) {
        RetentionDeleteRequest request = body == null ? new RetentionDeleteRequest(null, null) : body;
        requireConfirmed(request.confirm(), "Deleting archived rows flagged by retention cannot be undone");
        ArchiveRetention.DeletionResult result = retention.deleteFlagged(request.season());
        return Map.of("deleted_count", result.deletedCount(), "seasons", result.seasons());
    }

    private static void requireConfirmed(Boolean confirm, String why) {
        if (!Boolean.TRUE.equals(confirm)) {
            throw new InvalidInputException("confirmation-required", "confirm",
                                            why + "; send {\"confirm\": true} to go ahead");
        }
    }

    /** Reconciliation needs Redis; while it is down there is nothing to compare with (503, try again later). */
    private static <T> T whileRedisAnswers(Supplier<T> work) {
        try {
            return work.get();
        } catch (ReviewQueuesUnavailableException e) {
            throw new TemporarilyUnavailableException("review-cache-unavailable",
                    "The review cache (Redis) is not reachable: " + e.getMessage(), 5, e);
        }
    }

    private static String jobUrl(UUID jobId) {
        return "/api/admin/jobs/" + jobId;
    }

    /** @param sampleSize 100 to 100,000 (default 10,000); @param season one season instead of all that use the cache */
    record ReconcileRequest(@Min(value = 100, message = "must be between 100 and 100000")
                            @Max(value = 100_000, message = "must be between 100 and 100000") Integer sampleSize,
                            @Pattern(regexp = Identifiers.SEASON_ID_REGEX, message = SEASON_ID_MESSAGE)
                            String season) {
    }

    record ConfirmRequest(Boolean confirm) {
    }

    record RetentionDeleteRequest(Boolean confirm,
                                  @Pattern(regexp = Identifiers.SEASON_ID_REGEX, message = SEASON_ID_MESSAGE)
                                  String season) {
    }

    record RebuildStarted(UUID jobId, String status, String season, long estimatedRecords, String statusUrl) {
    }

    /** @param archivedNow false when the season was archived before (this job finishes what is left) */
    record ArchiveStarted(UUID jobId, String status, String season, boolean archivedNow, String statusUrl) {
    }
}
