package com.memora.projection.export.pipeline;

import java.util.function.Supplier;

/**
 * Reads of the content read model and the export's marks at one consistent point (decisions R1): everything read
 * inside {@link #read} sees the same committed state, so a build never combines a mark with an older or newer
 * model, and a reset that empties the model is either wholly visible or not at all.
 */
public interface ExportSnapshots {

    <T> T read(Supplier<T> reads);
}
