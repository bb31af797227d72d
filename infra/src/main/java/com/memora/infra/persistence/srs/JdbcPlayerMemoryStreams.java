package com.memora.infra.persistence.srs;

import com.memora.kernel.id.AggregateIds;
import com.memora.projection.srs.ops.PlayerMemoryStreams;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** The players' memory streams, read from the event store's unique (aggregate, sequence) index, many at once. */
@Repository
class JdbcPlayerMemoryStreams implements PlayerMemoryStreams {

    private final JdbcClient jdbc;

    JdbcPlayerMemoryStreams(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, Long> lastSequences(String seasonId, Collection<String> playerIds) {
        Map<String, Long> latest = new HashMap<>();
        if (playerIds.isEmpty()) {
            return latest;
        }
        String prefix = AggregateIds.playerMemory(seasonId, "");
        String[] streams = playerIds.stream().map(player -> AggregateIds.playerMemory(seasonId, player))
                                    .toArray(String[]::new);
        jdbc.sql("select aggregate_identifier, max(sequence_number) from domain_event_entry "
                 + "where aggregate_identifier = any(?) group by aggregate_identifier")
            .param(streams)
            .query(rs -> {
                latest.put(rs.getString(1).substring(prefix.length()), rs.getLong(2));
            });
        return latest;
    }
}
