package com.memora.query.ops.health;

import com.memora.kernel.error.InvalidInputException;
import com.memora.kernel.error.NotFoundException;
import com.memora.projection.export.health.ContentCheckKind;
import com.memora.projection.export.health.ContentHealthReport;
import com.memora.projection.export.health.ContentHealthSettings;
import com.memora.projection.export.health.HealthCheckRun;
import com.memora.projection.export.health.HealthCheckRuns;
import com.memora.projection.export.pipeline.BatchState;
import com.memora.projection.export.pipeline.DiskWatch;
import com.memora.projection.export.staging.DiskSpace;
import com.memora.projection.export.staging.LocalContentStore;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/**
 * Content health for operators (api.md "Operations"): the latest report, the history of runs (skipped and failed
 * ones included) and the disk as it is now.
 */
@RestController
@RequestMapping("/api/admin/health")
@PreAuthorize("hasRole('ADMIN')")
class ContentHealthQueryController {

    private final HealthCheckRuns runs;
    private final ContentHealthSettings settings;
    private final LocalContentStore store;
    private final BatchState batchState;

    ContentHealthQueryController(HealthCheckRuns runs, ContentHealthSettings settings, LocalContentStore store,
                                 BatchState batchState) {
        this.runs = runs;
        this.settings = settings;
        this.store = store;
        this.batchState = batchState;
    }

    /** The latest report (health-check.schema.json) of either kind, or of {@code ?kind=quick|full}. */
    @GetMapping("/content")
    ContentHealthReport latest(@RequestParam(name = "kind", required = false) String kind) {
        ContentCheckKind checkKind = kind(kind);
        return runs.latestReport(checkKind).map(HealthCheckRun::report).orElseThrow(() -> new NotFoundException(
                "health-report", checkKind == null ? "latest" : "latest " + checkKind.wireName()));
    }

    /** Runs newest first, skipped and failed ones included, with the schedule they follow. */
    @GetMapping("/content/history")
    HistoryResponse history(@RequestParam(name = "kind", required = false) String kind,
                            @RequestParam(name = "limit", defaultValue = "50") @Min(1) @Max(500) int limit) {
        return new HistoryResponse(new Schedule(settings.businessHours().describe(), settings.sampleSize()),
                                   runs.history(kind(kind), limit));
    }

    /** The content root's volume now, and whether generation is paused for it (decisions O5). */
    @GetMapping("/disk")
    DiskResponse disk() {
        DiskSpace space = store.diskSpace();
        double minimum = store.minimumFreePercent();
        BatchState.Snapshot batch = batchState.read();
        boolean lowDiskPause = DiskWatch.isLowDiskPause(batch.pausedReason());
        return new DiskResponse(space.freeBytes(), space.totalBytes(),
                                Math.round(space.freePercent() * 100) / 100.0, minimum,
                                space.freePercent() >= minimum, space.describe(), lowDiskPause,
                                batch.pausedReason(), batch.pausedSince());
    }

    private static ContentCheckKind kind(String kind) {
        if (kind == null || kind.isBlank()) {
            return null;
        }
        return ContentCheckKind.fromWire(kind).orElseThrow(() -> new InvalidInputException(
                "health-check-kind", "kind", "'" + kind + "' is not a health check; use full or quick"));
    }

    /** @param businessHours when the hourly quick check runs (decisions O9) */
    record Schedule(String businessHours, int sampleSize) {
    }

    record HistoryResponse(Schedule schedule, List<HealthCheckRun> runs) {
    }

    /**
     * @param generationPaused builds are paused for lack of space (they resume by themselves)
     * @param pausedReason     why the batch processor is paused, for whatever reason (a replay too)
     */
    record DiskResponse(long freeBytes, long totalBytes, double freePercent, double minimumFreePercent, boolean ok,
                        String description, boolean generationPaused, String pausedReason, Instant pausedSince) {
    }
}
