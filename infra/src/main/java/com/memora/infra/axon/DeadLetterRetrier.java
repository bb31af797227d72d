package com.memora.infra.axon;

import com.memora.infra.axon.deadletter.ParkedEventAlerts;
import com.memora.infra.axon.deadletter.ParkedEvents;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Tries the events parked in each processing group's dead-letter queue again, a bounded number of sequences per
 * group and run. A sequence that fails again goes back to the queue with its diagnostics; nothing is dropped.
 * Letters are claimed in the database, so nodes running this at the same time do not process one letter twice.
 */
@Component
class DeadLetterRetrier {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterRetrier.class);
    private static final int MAX_SEQUENCES_PER_GROUP_AND_RUN = 100;

    private final EventProcessingConfiguration processing;
    private final ParkedEvents parkedEvents;
    private final ParkedEventAlerts alerts;

    DeadLetterRetrier(EventProcessingConfiguration processing, ParkedEvents parkedEvents, ParkedEventAlerts alerts) {
        this.processing = processing;
        this.parkedEvents = parkedEvents;
        this.alerts = alerts;
    }

    /**
     * Retries every group's parked events, then alerts for each group that still has some. On one node at a time
     * (ShedLock, decisions O7): the queues are shared, so a second node would only repeat the work and the alert.
     */
    @Scheduled(fixedDelayString = "${memora.axon.dead-letter-retry:PT1M}",
               initialDelayString = "${memora.axon.dead-letter-retry:PT1M}")
    @SchedulerLock(name = "dead-letter-retry", lockAtMostFor = "PT10M")
    void retryParkedEvents() {
        processing.eventProcessors().keySet().forEach(this::retry);
        alertForParkedEvents();
    }

    void alertForParkedEvents() {
        try {
            parkedEvents.countsByGroup().forEach((group, parked) -> {
                if (parked > 0) {
                    alerts.stillParked(group, parked);
                }
            });
        } catch (RuntimeException e) {
            log.warn("Could not count the parked events: {}", e.toString());
        }
    }

    /** @return how many parked sequences were processed successfully */
    int retry(String processingGroup) {
        Optional<SequencedDeadLetterProcessor<EventMessage<?>>> deadLetters =
                processing.sequencedDeadLetterProcessor(processingGroup);
        if (deadLetters.isEmpty()) {
            return 0;
        }
        int recovered = 0;
        try {
            while (recovered < MAX_SEQUENCES_PER_GROUP_AND_RUN && deadLetters.get().processAny()) {
                recovered++;
            }
        } catch (RuntimeException e) {
            log.warn("Retrying dead letters of {} failed: {}", processingGroup, e.toString());
        }
        if (recovered > 0) {
            log.info("Recovered {} parked event sequence(s) of {}", recovered, processingGroup);
        }
        return recovered;
    }
}
