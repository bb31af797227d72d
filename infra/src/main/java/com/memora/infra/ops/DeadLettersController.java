package com.memora.infra.ops;

import com.memora.infra.axon.deadletter.ParkedEvent;
import com.memora.infra.axon.deadletter.ParkedEvents;
import com.memora.kernel.error.NotFoundException;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/**
 * The events parked in the projections' dead-letter queues (a handler failed on them; later events of their
 * sequence wait behind them), with why and since when, so an operator can fix the cause. They are retried every
 * minute; a replay of the group drops them.
 */
@RestController
@RequestMapping("/api/admin/dead-letters")
@PreAuthorize("hasRole('ADMIN')")
@Validated
class DeadLettersController {

    private final ParkedEvents parkedEvents;

    DeadLettersController(ParkedEvents parkedEvents) {
        this.parkedEvents = parkedEvents;
    }

    @GetMapping
    DeadLettersResponse list(@RequestParam(name = "group", required = false) String group,
                             @RequestParam(name = "limit", defaultValue = "100") @Min(1) @Max(1000) int limit) {
        if (group != null && !parkedEvents.hasQueue(group)) {
            throw new NotFoundException("projection", group);
        }
        Map<String, Long> counts = parkedEvents.countsByGroup();
        return new DeadLettersResponse(group == null ? counts : Map.of(group, counts.getOrDefault(group, 0L)),
                                       parkedEvents.list(group, limit));
    }

    /** @param counts parked events per group (only the asked group when one is given) */
    record DeadLettersResponse(Map<String, Long> counts, List<ParkedEvent> deadLetters) {
    }
}
