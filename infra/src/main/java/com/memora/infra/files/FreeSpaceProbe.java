package com.memora.infra.files;

import com.memora.projection.export.staging.DiskSpace;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;

/** Asks how full the volume under a directory is. Injectable, so tests can simulate a nearly full disk. */
@FunctionalInterface
public interface FreeSpaceProbe {

    DiskSpace probe(Path directory) throws IOException;

    /** The real answer: the space this process may use on the directory's file store. */
    static FreeSpaceProbe fileStore() {
        return directory -> {
            FileStore store = Files.getFileStore(directory);
            long total = store.getTotalSpace();
            return new DiskSpace(Math.min(store.getUsableSpace(), total), total);
        };
    }
}
