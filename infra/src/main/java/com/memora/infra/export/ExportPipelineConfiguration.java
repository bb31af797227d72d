package com.memora.infra.export;

import com.memora.projection.export.pipeline.ExportPublisher;
import com.memora.projection.export.pipeline.ParallelStaging;
import com.memora.projection.export.staging.LocalContentStore;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The plan export pipeline's wiring. The publisher is the seam to the CDN: until the CDN upload (issue 5) provides
 * an {@link ExportPublisher} bean, builds stage files locally and end {@code LOCAL_ONLY}.
 */
@Configuration(proxyBeanMethods = false)
class ExportPipelineConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ExportPublisher localOnlyPublisher() {
        return ExportPublisher.LOCAL_ONLY;
    }

    /** Several writers per publication level: a 5,000-file build otherwise spends most of its time on fsync. */
    @Bean(destroyMethod = "close")
    ParallelStaging exportStaging(LocalContentStore store, ExportPipelineProperties properties) {
        return new ParallelStaging(store, properties.writeThreads());
    }
}
