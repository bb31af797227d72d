package com.memora.projection.export.cdn;

import com.memora.projection.export.files.ExportPaths;
import com.memora.projection.export.staging.LocalContentStore;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares every local file's MD5 with the bucket's listing (issue 5 point 8, domain §11.5, US3-2). The export
 * writes only under {@code plans/} (decisions F1), so that is the compared tree; other objects in the bucket (the
 * videos) are never "extra". Reads each local file once (about 13 MB for a 5,000-lesson plan) and lists the bucket
 * once; a failure to list is a {@link CdnPublishException}.
 */
public final class ParityCheck {

    public static final String TREE = "plans/";

    private final LocalContentStore local;
    private final CdnPublisher cdn;
    private final Clock clock;
    private final int listLimit;

    /** @param listLimit how many paths each list of the report names at most (the counts stay exact) */
    public ParityCheck(LocalContentStore local, CdnPublisher cdn, Clock clock, int listLimit) {
        this.local = local;
        this.cdn = cdn;
        this.clock = clock;
        this.listLimit = listLimit;
    }

    /** The whole published tree. */
    public ParityReport run() {
        return compare(TREE, local.list().stream().filter(path -> path.startsWith(TREE)).toList());
    }

    /** One plan's folder. */
    public ParityReport run(String planId) {
        String folder = ExportPaths.planFolder(planId);
        return compare(folder + "/", local.list(folder));
    }

    private ParityReport compare(String scope, List<String> localPaths) {
        Map<String, String> cdnEtags = new HashMap<>();
        for (RemoteObject object : cdn.list(scope)) {
            cdnEtags.put(object.key(), object.etag());
        }
        Map<String, String> localMd5 = new HashMap<>();
        for (String path : localPaths) {
            // a file deleted between the listing and the read has simply left the tree
            local.read(path).ifPresent(bytes -> localMd5.put(path, Md5.hex(bytes)));
        }
        return ParityReport.compare(clock.instant(), scope, localMd5, cdnEtags, listLimit);
    }
}
