package com.memora.projection.srs.ops;

import java.util.Collection;
import java.util.Map;

/** Port: the players' memory streams in the event store, the authority the projections follow. */
public interface PlayerMemoryStreams {

    /** The sequence of each player's last stored submission in the season; players without one are absent. */
    Map<String, Long> lastSequences(String seasonId, Collection<String> playerIds);
}
