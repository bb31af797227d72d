package com.memora.projection.export.pipeline;

import java.time.Instant;

/**
 * A plan's build number (decisions F5): {@code max(last published + 1, epoch seconds)}. "Last published" is read
 * from what is published — the publication state and the staged manifest's {@code version} — never from the
 * replayable read model, so the number keeps growing across replays and two builds in one second still differ.
 */
final class BuildNumbers {

    private BuildNumbers() {
    }

    /**
     * @param lastBuildNumber the latest build number in the publication state, 0 when none
     * @param manifestVersion the {@code version} of the staged manifest, 0 when there is none
     */
    static long next(long lastBuildNumber, long manifestVersion, Instant now) {
        return Math.max(Math.max(lastBuildNumber, manifestVersion) + 1, now.getEpochSecond());
    }
}
