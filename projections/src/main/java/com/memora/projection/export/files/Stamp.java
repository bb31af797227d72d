package com.memora.projection.export.files;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;

/** The build's {@code version} and {@code generated_at}, written into every file (decisions F5). */
record Stamp(long version, Instant generatedAt, String generatedAtText) {

    static Stamp of(long buildNumber, Instant generatedAt) {
        return new Stamp(buildNumber, generatedAt, JsonBlocks.timestamp(generatedAt));
    }

    void putInto(ObjectNode file) {
        file.put("version", version);
        file.put("generated_at", generatedAtText);
    }
}
