package com.memora.infra.axon;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Defaults for every pooled streaming processor that {@code axon.eventhandling.processors.*} does not configure.
 *
 * @param defaultSegments    segments of a new processor, the most threads it can use across the cluster
 * @param batchSize          events per transaction; larger batches make replays much faster
 * @param deadLetterRetry    how often events parked in a group's dead-letter queue are tried again
 */
@ConfigurationProperties("memora.axon")
public record AxonProcessingProperties(int defaultSegments, int batchSize, Duration deadLetterRetry) {

    public AxonProcessingProperties {
        defaultSegments = defaultSegments < 1 ? 4 : defaultSegments;
        batchSize = batchSize < 1 ? 50 : batchSize;
        deadLetterRetry = deadLetterRetry == null ? Duration.ofMinutes(1) : deadLetterRetry;
    }
}
