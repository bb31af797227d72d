package com.memora.projection.export.cdn;

import com.memora.projection.export.staging.ContentFile;
import com.memora.projection.export.staging.LocalContentStore;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The bytes to upload, read back from the local store (decisions O3, domain §11.5): what goes to the bucket is what
 * readers of the local origin get, never a second serialisation. A path with no local file (deleted since it was
 * staged, F8) is listed as missing instead of being uploaded.
 *
 * @param files   the staged files, in the order of the paths given
 * @param missing paths that have no local file
 */
public record StagedFiles(List<ContentFile> files, List<String> missing) {

    public StagedFiles {
        files = List.copyOf(files);
        missing = List.copyOf(missing);
    }

    public static StagedFiles read(LocalContentStore store, Collection<String> paths) {
        List<ContentFile> files = new ArrayList<>(paths.size());
        List<String> missing = new ArrayList<>();
        for (String path : paths) {
            Optional<byte[]> bytes = store.read(path);
            if (bytes.isPresent()) {
                files.add(new ContentFile(path, bytes.get()));
            } else {
                missing.add(path);
            }
        }
        return new StagedFiles(files, missing);
    }
}
