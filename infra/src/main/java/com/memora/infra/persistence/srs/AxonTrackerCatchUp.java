package com.memora.infra.persistence.srs;

import com.memora.kernel.id.AggregateIds;
import com.memora.kernel.season.SeasonArchivedEvent;
import com.memora.projection.srs.TrackerProjection;
import com.memora.projection.srs.ops.TrackerCatchUp;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Whether the tracker projection has applied every stored review of an archived season, on every node. The position
 * that matters is the global index of the season's {@link SeasonArchivedEvent}: the archive took the season's review
 * lock exclusively before storing it, so every review of the season was stored (and committed) before it, and none
 * after. So each segment of the tracker must be at or past that event — not at the head of the event store, which
 * reviews of other seasons keep moving — an event a segment skipped over as a gap (stored by a transaction still open
 * at the time) must not be one of the season's reviews, and none of them may be parked in the dead-letter queue. The
 * segments this node runs are read from the processor itself (exact); the others from their stored tokens, which a
 * node writes at least every few seconds.
 */
@Component
class AxonTrackerCatchUp implements TrackerCatchUp {

    private final EventProcessingConfiguration processing;
    private final JdbcClient jdbc;
    private final Serializer tokenSerializer;

    AxonTrackerCatchUp(EventProcessingConfiguration processing, JdbcClient jdbc, TokenStore tokenStore,
                       Serializer serializer) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.tokenSerializer = tokenStore instanceof JdbcTokenStore jdbcTokens ? jdbcTokens.serializer() : serializer;
    }

    @Override
    public Check check(String seasonId) {
        OptionalLong archivedAt = archiveEventIndex(seasonId);
        if (archivedAt.isEmpty()) {
            return Check.behind("season " + seasonId + " has no stored archive event");
        }
        long position = archivedAt.getAsLong();
        String streams = AggregateIds.playerMemory(seasonId, "");
        Map<Integer, TrackingToken> segments = segments();
        if (segments.isEmpty()) {
            return Check.behind("the tracker projection (" + TrackerProjection.PROCESSING_GROUP + ") has not started "
                                + "on any node");
        }
        TreeSet<Long> gaps = new TreeSet<>();
        for (Map.Entry<Integer, TrackingToken> segment : segments.entrySet()) {
            TrackingToken token = segment.getValue() == null ? null
                                  : WrappedToken.unwrapLowerBound(segment.getValue());
            OptionalLong at = token == null ? OptionalLong.empty() : token.position();
            if (at.isEmpty() || at.getAsLong() < position) {
                return Check.behind("tracker segment " + segment.getKey() + " is at event "
                                    + (at.isPresent() ? at.getAsLong() : "none") + ", before the season's archive "
                                    + "(event " + position + ")");
            }
            if (token instanceof GapAwareTrackingToken gapAware) {
                gaps.addAll(gapAware.getGaps().headSet(position)); // the season's reviews all precede the archive
            }
        }
        if (!gaps.isEmpty()) {
            long unapplied = jdbc.sql("select count(*) from domain_event_entry where global_index = any(?) "
                                      + "and starts_with(aggregate_identifier, ?)")
                                 .params(gaps.toArray(Long[]::new), streams).query(Long.class).single();
            if (unapplied > 0) {
                return Check.behind(unapplied + " review submission(s) of the season are stored but not applied yet");
            }
        }
        long parked = jdbc.sql("select count(*) from dead_letter_entry where processing_group = ? "
                               + "and starts_with(aggregate_identifier, ?)")
                          .params(TrackerProjection.PROCESSING_GROUP, streams).query(Long.class).single();
        if (parked > 0) {
            return Check.behind(parked + " review submission(s) of the season are parked in the dead-letter queue of "
                                + TrackerProjection.PROCESSING_GROUP + " (retried every minute; the log says why "
                                + "they fail)");
        }
        return Check.done();
    }

    /** The global index of the season's archive event (the first, should the stream ever hold two). */
    private OptionalLong archiveEventIndex(String seasonId) {
        return jdbc.sql("""
                        select global_index from domain_event_entry
                        where aggregate_identifier = ? and payload_type = ?
                        order by sequence_number limit 1
                        """)
                   .params(AggregateIds.season(seasonId), SeasonArchivedEvent.class.getName())
                   .query(Long.class).optional().map(OptionalLong::of).orElse(OptionalLong.empty());
    }

    /** Segment → its position: stored tokens, overridden by the live status of the segments this node runs. */
    private Map<Integer, TrackingToken> segments() {
        Map<Integer, TrackingToken> segments = new TreeMap<>();
        jdbc.sql("select segment, token, token_type from token_entry where processor_name = ?")
            .param(TrackerProjection.PROCESSING_GROUP)
            .query(rs -> {
                byte[] token = rs.getBytes("token");
                segments.put(rs.getInt("segment"), token == null ? null : tokenSerializer.deserialize(
                        new SimpleSerializedObject<>(token, byte[].class, rs.getString("token_type"), null)));
            });
        processing.eventProcessor(TrackerProjection.PROCESSING_GROUP, StreamingEventProcessor.class)
                  .ifPresent(processor -> processor.processingStatus().forEach((segment, status) -> {
                      TrackingToken live = live(status);
                      if (live != null) {
                          segments.put(segment, live);
                      }
                  }));
        return segments;
    }

    private static TrackingToken live(EventTrackerStatus status) {
        return status.isErrorState() ? null : status.getTrackingToken();
    }
}
