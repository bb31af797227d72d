package com.memora.infra.ops;

import com.memora.infra.axon.replay.ProjectionReplays;
import com.memora.infra.axon.replay.ReplayStatus;
import com.memora.kernel.error.ConflictException;
import com.memora.kernel.error.NotFoundException;
import com.memora.kernel.ops.BackgroundJobs;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;
import java.util.UUID;

/** Operator actions on the machinery rather than the domain: replays and job cancellation. */
@RestController
@RequestMapping("/api/admin")
@PreAuthorize("hasRole('ADMIN')")
class OperationsCommandController {

    private final ProjectionReplays replays;
    private final BackgroundJobs jobs;

    OperationsCommandController(ProjectionReplays replays, BackgroundJobs jobs) {
        this.replays = replays;
        this.jobs = jobs;
    }

    @PostMapping("/replay/{processing_group}")
    ResponseEntity<ReplayStatus> replay(@PathVariable("processing_group") String processingGroup) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(replays.start(processingGroup));
    }

    @GetMapping("/replay/{processing_group}")
    ReplayStatus replayStatus(@PathVariable("processing_group") String processingGroup) {
        return replays.status(processingGroup);
    }

    @PostMapping("/jobs/{id}/cancel")
    ResponseEntity<Map<String, Object>> cancel(@PathVariable("id") UUID id) {
        if (jobs.find(id).isEmpty()) {
            throw new NotFoundException("job", id.toString());
        }
        if (!jobs.requestCancel(id)) {
            throw new ConflictException("job-finished", "Job " + id + " has already finished");
        }
        return ResponseEntity.accepted().body(Map.of("id", id, "cancel_requested", true));
    }
}
