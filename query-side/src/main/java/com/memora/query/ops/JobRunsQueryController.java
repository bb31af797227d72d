package com.memora.query.ops;

import com.memora.kernel.ops.JobRun;
import com.memora.kernel.ops.JobRuns;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The recorded runs of the scheduled jobs (which node, when, outcome, summary), most recent first. */
@RestController
@RequestMapping("/api/admin/job-runs")
@PreAuthorize("hasRole('ADMIN')")
@Validated
class JobRunsQueryController {

    private final JobRuns runs;

    JobRunsQueryController(JobRuns runs) {
        this.runs = runs;
    }

    @GetMapping
    JobRunsResponse runs(@RequestParam(name = "job", required = false) String job,
                         @RequestParam(name = "limit", defaultValue = "50") @Min(1) @Max(500) int limit) {
        return new JobRunsResponse(runs.recent(job, limit));
    }

    record JobRunsResponse(List<JobRun> runs) {
    }
}
