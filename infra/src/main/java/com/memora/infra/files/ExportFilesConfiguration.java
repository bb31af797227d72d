package com.memora.infra.files;

import com.memora.projection.export.files.PlanFilesBuilder;
import com.memora.projection.export.files.VideoUrlSigner;
import com.memora.projection.export.schema.ExportSchemaValidator;
import com.memora.projection.export.staging.LocalContentStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The building blocks of the plan export as beans: the file builder, the schema validator (schemas compiled once,
 * at start) and the local content store. A {@link VideoUrlSigner} bean (the CDN work) replaces the unsigned
 * default; a {@link FreeSpaceProbe} bean (tests) replaces the real disk probe.
 */
@Configuration(proxyBeanMethods = false)
class ExportFilesConfiguration {

    @Bean
    PlanFilesBuilder planFilesBuilder(ObjectProvider<VideoUrlSigner> signer) {
        return new PlanFilesBuilder(signer.getIfAvailable(() -> VideoUrlSigner.UNSIGNED));
    }

    @Bean
    ExportSchemaValidator exportSchemaValidator() {
        return new ExportSchemaValidator();
    }

    @Bean
    LocalContentStore localContentStore(ContentStorageProperties properties, ObjectProvider<FreeSpaceProbe> probe) {
        return new FileSystemContentStore(properties.contentRoot(), properties.minFreeDiskPercent(),
                                          probe.getIfAvailable(FreeSpaceProbe::fileStore));
    }
}
