package com.memora.infra.export;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the plan export's batch processor is driven. The batch interval and threshold themselves are CDN settings
 * ({@code batch_interval_minutes}, {@code batch_threshold}), changed at run time through the API. How often the
 * scheduler asks whether a run is due ({@code memora.export.batch.tick}, default 15 s, the finest grain of the
 * interval) is read by {@link ExportScheduler}'s trigger itself.
 *
 * @param runOnChange   whether a committed change asks at once whether a run is due (threshold reached, or the
 *                      interval already passed); default true. Removals of trashed content are applied at once
 *                      either way (decisions F8)
 * @param writeThreads  how many files a build writes at once within one publication level (default 4): the writes
 *                      wait on the disk's flushes, not on the CPU, so more writers than cores pay off
 */
@ConfigurationProperties("memora.export.batch")
public record ExportPipelineProperties(Boolean runOnChange, Integer writeThreads) {

    public ExportPipelineProperties {
        runOnChange = runOnChange == null || runOnChange;
        writeThreads = writeThreads == null ? 4 : writeThreads;
        if (writeThreads < 1) {
            throw new IllegalArgumentException("memora.export.batch.write-threads must be at least 1");
        }
    }
}
