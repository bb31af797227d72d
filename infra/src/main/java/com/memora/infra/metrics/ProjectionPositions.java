package com.memora.infra.metrics;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Where every streaming projection is, read from the stored tokens ({@code token_entry}) rather than from this
 * node's processors, so every node reports the same lag for the whole cluster: per processing group the lowest
 * position over its segments (a projection is only as far as its slowest segment), and the head of the event
 * store. Lag = head − position, in events; a segment that has handled nothing yet counts from before the first.
 */
@Component
public class ProjectionPositions {

    private final JdbcClient jdbc;
    private final Serializer serializer;

    /** @param serializer the general serializer, the one the token store writes tokens with */
    ProjectionPositions(JdbcClient jdbc, Serializer serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    public Snapshot read() {
        long head = jdbc.sql("select coalesce(max(global_index), -1) from domain_event_entry").query(Long.class)
                        .single();
        Map<String, Long> slowest = new HashMap<>();
        jdbc.sql("select processor_name, token, token_type from token_entry")
            .query((rs, row) -> {
                String group = rs.getString("processor_name");
                long position = position(rs.getBytes("token"), rs.getString("token_type"));
                slowest.merge(group, position, Math::min);
                return null;
            })
            .list();
        return new Snapshot(head, slowest);
    }

    private long position(byte[] bytes, String type) {
        if (bytes == null || type == null) {
            return -1;
        }
        TrackingToken token = serializer.deserialize(new SimpleSerializedObject<>(bytes, byte[].class, type, null));
        if (token == null) {
            return -1;
        }
        OptionalLong position = token.position();
        return position.isPresent() ? position.getAsLong() : -1;
    }

    /**
     * @param head     the global index of the newest stored event (-1: none)
     * @param slowest  per processing group, the lowest position of its segments (-1: nothing handled yet)
     */
    public record Snapshot(long head, Map<String, Long> slowest) {

        /** Events stored that the group has not handled yet; null for a group without tokens. */
        public Long lag(String group) {
            Long position = slowest.get(group);
            return position == null ? null : Math.max(0, head - position);
        }
    }
}
