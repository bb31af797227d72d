package com.memora.command.importing;

import com.fasterxml.jackson.databind.JsonNode;
import com.memora.kernel.error.NotFoundException;
import com.memora.kernel.ops.BackgroundJobs;
import com.memora.kernel.ops.JobStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

/**
 * Bulk import of a curriculum and its plans (EDITOR). {@code GET /api/import/{job_id}} shows an import's progress
 * to the editor who cannot read {@code /api/admin/jobs} (ADMIN only); it is the same job record.
 */
@RestController
@RequestMapping("/api/import")
@PreAuthorize("hasRole('EDITOR')")
class ImportController {

    private final CurriculumImport imports;
    private final BackgroundJobs jobs;

    ImportController(CurriculumImport imports, BackgroundJobs jobs) {
        this.imports = imports;
        this.jobs = jobs;
    }

    @PostMapping
    ResponseEntity<Map<String, Object>> start(@RequestBody JsonNode document, Authentication user) {
        CurriculumImport.Accepted accepted = imports.start(document, user.getName());
        String status = "/api/import/" + accepted.jobId();
        return ResponseEntity.accepted().location(URI.create(status))
                             .body(Map.of("job_id", accepted.jobId(), "status_url", status,
                                          "counts", accepted.counts()));
    }

    @GetMapping("/{job_id}")
    JobStatus status(@PathVariable("job_id") UUID jobId) {
        return jobs.find(jobId).filter(job -> job.type().equals(CurriculumImport.JOB_TYPE))
                   .orElseThrow(() -> new NotFoundException("import", jobId.toString()));
    }
}
