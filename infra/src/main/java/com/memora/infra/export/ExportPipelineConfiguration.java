package com.memora.infra.export;

import com.memora.projection.export.pipeline.ParallelStaging;
import com.memora.projection.export.staging.LocalContentStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The plan export pipeline's wiring. The publisher, the seam to the CDN, is
 * {@link com.memora.projection.export.publication.CdnExportPublisher} (issue 5): builds end {@code LOCAL_ONLY} while
 * the CDN is disabled and are published to the bucket while it is enabled.
 */
@Configuration(proxyBeanMethods = false)
class ExportPipelineConfiguration {

    /** Several writers per publication level: a 5,000-file build otherwise spends most of its time on fsync. */
    @Bean(destroyMethod = "close")
    ParallelStaging exportStaging(LocalContentStore store, ExportPipelineProperties properties) {
        return new ParallelStaging(store, properties.writeThreads());
    }
}
