package com.memora.projection.export.health;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port to the history of content health checks: operational state, kept across replays and restarts. */
public interface HealthCheckRuns {

    /** Stores the run and returns it with its id and this node's name. */
    HealthCheckRun record(HealthCheckRun run);

    /** The newest run that produced a report, of one kind or (null) of either. */
    Optional<HealthCheckRun> latestReport(ContentCheckKind kindOrNull);

    /** Newest first, skipped and failed runs included. */
    List<HealthCheckRun> history(ContentCheckKind kindOrNull, int limit);

    /** Removes runs started before the instant; returns how many. */
    int pruneBefore(Instant before);
}
