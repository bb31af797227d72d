package com.memora.projection.export.publication;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The cache purges still owed, kept in the database so that a node stopping (or crashing) between a publication and
 * its purge does not leave the CDN serving stale copies until they expire: any node takes them up again.
 */
public interface PendingPurges {

    /** Records that these paths, changed by sync log entry {@code logId}, are still to be purged. */
    void add(long logId, Collection<String> paths, Instant queuedAt);

    /** The owed purge queued first (all its paths), if any. */
    Optional<PendingPurge> oldest();

    /** This purge was sent (or given up on and noted); its paths are no longer owed. */
    void done(PendingPurge purge);

    /** Paths still to be purged, over all entries. */
    long pathCount();

    /** The paths a sync log entry still owes a purge, in path order. */
    record PendingPurge(long logId, List<String> paths) {

        public PendingPurge {
            paths = List.copyOf(paths);
        }
    }
}
