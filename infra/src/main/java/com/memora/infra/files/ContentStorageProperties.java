package com.memora.infra.files;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;

/**
 * Where generated plan files are staged locally.
 *
 * @param contentRoot        the content root, mirroring the bucket's paths; default {@code ${memora.data-dir}/content}.
 *                           Several nodes share one directory (a shared volume, decisions O7)
 * @param minFreeDiskPercent below this share of free disk nothing is written (decisions O5, default 10)
 */
@ConfigurationProperties("memora.export")
public record ContentStorageProperties(Path contentRoot, Double minFreeDiskPercent) {

    public ContentStorageProperties {
        if (contentRoot == null) {
            throw new IllegalArgumentException("memora.export.content-root must be set");
        }
        minFreeDiskPercent = minFreeDiskPercent == null ? 10.0 : minFreeDiskPercent;
    }
}
