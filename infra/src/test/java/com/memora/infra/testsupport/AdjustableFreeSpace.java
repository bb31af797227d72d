package com.memora.infra.testsupport;

import com.memora.infra.files.FreeSpaceProbe;
import com.memora.projection.export.staging.DiskSpace;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The free-space probe of the test service: the real disk, unless a test simulates a nearly full one (decisions
 * O5). {@link IntegrationTest} puts the real disk back before every test.
 */
public final class AdjustableFreeSpace implements FreeSpaceProbe {

    private volatile DiskSpace simulated;

    @Override
    public DiskSpace probe(Path directory) throws IOException {
        DiskSpace current = simulated;
        return current != null ? current : FreeSpaceProbe.fileStore().probe(directory);
    }

    public void simulate(DiskSpace space) {
        simulated = space;
    }

    public void reset() {
        simulated = null;
    }
}
