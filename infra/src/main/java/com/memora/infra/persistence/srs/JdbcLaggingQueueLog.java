package com.memora.infra.persistence.srs;

import com.memora.projection.srs.ops.LaggingQueueLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;

/** The queues seen behind the tracker ({@code V6_10__srs_lagging_queue.sql}). */
@Repository
class JdbcLaggingQueueLog implements LaggingQueueLog {

    private final JdbcClient jdbc;

    JdbcLaggingQueueLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void record(Collection<Sighting> sightings) {
        for (Sighting sighting : sightings) {
            jdbc.sql("""
                     insert into srs_lagging_queue (season, player, tracker_sequence, first_seen_at)
                     values (?, ?, ?, ?) on conflict (season, player) do nothing
                     """)
                .params(sighting.seasonId(), sighting.playerId(), sighting.trackerSequence(),
                        sighting.firstSeenAt().atOffset(ZoneOffset.UTC))
                .update();
        }
    }

    @Override
    public List<Sighting> sightings(String seasonIdOrNull) {
        String where = seasonIdOrNull == null ? "" : " where season = ?";
        JdbcClient.StatementSpec statement = jdbc.sql(
                "select season, player, tracker_sequence, first_seen_at from srs_lagging_queue" + where
                + " order by season, player");
        if (seasonIdOrNull != null) {
            statement = statement.param(seasonIdOrNull);
        }
        return statement.query((rs, row) -> new Sighting(rs.getString("season"), rs.getString("player"),
                                                         rs.getLong("tracker_sequence"),
                                                         rs.getObject("first_seen_at", OffsetDateTime.class)
                                                           .toInstant()))
                        .list();
    }

    @Override
    public void forget(Collection<Sighting> sightings) {
        for (Sighting sighting : sightings) {
            jdbc.sql("delete from srs_lagging_queue where season = ? and player = ?")
                .params(sighting.seasonId(), sighting.playerId()).update();
        }
    }
}
