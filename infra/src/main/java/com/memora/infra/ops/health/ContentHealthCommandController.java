package com.memora.infra.ops.health;

import com.memora.kernel.error.InvalidInputException;
import com.memora.projection.export.health.ContentCheckKind;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/**
 * {@code POST /api/admin/health/content}: a content health check now — a full scan unless {@code ?kind=quick} —
 * answered {@code 202} with a background job at once (a full scan of a large tree takes a while); the report is at
 * {@code GET /api/admin/health/content} when the job ends. A check already running is a 409.
 */
@RestController
@RequestMapping("/api/admin/health/content")
@PreAuthorize("hasRole('ADMIN')")
class ContentHealthCommandController {

    private final ContentHealthJobs jobs;

    ContentHealthCommandController(ContentHealthJobs jobs) {
        this.jobs = jobs;
    }

    @PostMapping
    ResponseEntity<StartedResponse> checkNow(@RequestParam(name = "kind", defaultValue = "full") String kind) {
        ContentCheckKind checkKind = ContentCheckKind.fromWire(kind).orElseThrow(() -> new InvalidInputException(
                "health-check-kind", "kind", "'" + kind + "' is not a health check; use full or quick"));
        UUID job = jobs.startNow(checkKind);
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                             .body(new StartedResponse(job, checkKind.wireName(), "/api/admin/jobs/" + job,
                                                       "/api/admin/health/content?kind=" + checkKind.wireName()));
    }

    record StartedResponse(UUID jobId, String kind, String statusUrl, String reportUrl) {
    }
}
