package com.memora.infra.ops;

import com.memora.infra.axon.replay.LookupRebuilds;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/** Rebuilds a command-side lookup ({@code content-registry}, {@code cdn-settings}) from the event store. */
@RestController
@RequestMapping("/api/admin/lookups")
@PreAuthorize("hasRole('ADMIN')")
class LookupRebuildController {

    private final LookupRebuilds rebuilds;

    LookupRebuildController(LookupRebuilds rebuilds) {
        this.rebuilds = rebuilds;
    }

    @PostMapping("/{group}/rebuild")
    ResponseEntity<Map<String, Object>> rebuild(@PathVariable("group") String group) {
        return ResponseEntity.accepted().body(Map.of("job_id", rebuilds.start(group)));
    }
}
