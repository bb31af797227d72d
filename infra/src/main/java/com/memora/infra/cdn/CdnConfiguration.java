package com.memora.infra.cdn;

import com.memora.kernel.ops.Alerts;
import com.memora.kernel.ops.OperationsMetrics;
import com.memora.projection.export.cdn.CdnHealth;
import com.memora.projection.export.cdn.CdnPublisher;
import com.memora.projection.export.cdn.CdnStatusStore;
import com.memora.projection.export.cdn.ParityCheck;
import com.memora.projection.export.cdn.RetrySchedule;
import com.memora.projection.export.staging.LocalContentStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/**
 * The building blocks of CDN publishing (issue 5) as beans, for the export pipeline to call: the publisher (S3
 * upload, verification, deletion, listing), the CDN's health and readiness, the parity check and the retry
 * schedule. The signer ({@link S3VideoUrlSigner}), the purge ({@link CloudflareCachePurge}) and the probe
 * ({@link CdnProbe}) are components of their own.
 */
@Configuration(proxyBeanMethods = false)
class CdnConfiguration {

    @Bean
    CdnHealth cdnHealth(CdnStatusStore store, Alerts alerts, Clock clock, CdnProperties properties) {
        return new CdnHealth(store, alerts, clock, properties.failuresBeforeUnhealthy());
    }

    @Bean(destroyMethod = "close")
    MinioCdnPublisher cdnPublisher(CdnClients clients, CdnHealth health, CdnProperties properties,
                                   OperationsMetrics metrics) {
        return new MinioCdnPublisher(clients::fresh, health, properties.cacheControl(), properties.uploadConcurrency(),
                                     metrics);
    }

    @Bean
    ParityCheck parityCheck(LocalContentStore local, CdnPublisher publisher, Clock clock, CdnProperties properties) {
        return new ParityCheck(local, publisher, clock, properties.parityListLimit());
    }

    @Bean
    RetrySchedule cdnRetrySchedule(CdnProperties properties, Clock clock) {
        return new RetrySchedule(properties.retry().delays(), clock);
    }
}
