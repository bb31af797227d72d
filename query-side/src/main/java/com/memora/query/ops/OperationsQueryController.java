package com.memora.query.ops;

import com.memora.kernel.error.NotFoundException;
import com.memora.kernel.ops.BackgroundJobs;
import com.memora.kernel.ops.JobStatus;
import com.memora.kernel.ops.Notification;
import com.memora.kernel.ops.Notifications;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/** Alerts raised and background jobs, for operators. */
@RestController
@RequestMapping("/api/admin")
@PreAuthorize("hasRole('ADMIN')")
class OperationsQueryController {

    private final Notifications notifications;
    private final BackgroundJobs jobs;

    OperationsQueryController(Notifications notifications, BackgroundJobs jobs) {
        this.notifications = notifications;
        this.jobs = jobs;
    }

    @GetMapping("/notifications")
    NotificationsResponse notifications(@RequestParam(name = "kind", required = false) String kind,
                                        @RequestParam(name = "limit", defaultValue = "50") @Min(1) @Max(500)
                                        int limit) {
        return new NotificationsResponse(notifications.recent(kind, limit));
    }

    @GetMapping("/jobs/{id}")
    JobStatus job(@PathVariable("id") UUID id) {
        return jobs.find(id).orElseThrow(() -> new NotFoundException("job", id.toString()));
    }

    @GetMapping("/jobs")
    JobsResponse jobs(@RequestParam(name = "limit", defaultValue = "20") @Min(1) @Max(200) int limit) {
        return new JobsResponse(jobs.recent(limit));
    }

    record NotificationsResponse(List<Notification> notifications) {
    }

    record JobsResponse(List<JobStatus> jobs) {
    }
}
