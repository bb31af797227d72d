package com.memora.infra.export;

import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.OptionalLong;

/**
 * Whether a streaming projection is replaying, read from its tokens in {@code token_entry} rather than from this
 * node's processors: every node of a cluster gets the same answer, including the one running the batch without
 * holding the projection's segments, and the answer matches the read model committed with those tokens.
 * <p>
 * A segment is replaying while its token is a {@link ReplayToken} whose position has not reached the position at
 * the reset (Axon keeps the wrapper until the next event after that position, which may never come).
 */
@Component
class StoredReplayProgress {

    private final JdbcClient jdbc;
    private final Serializer serializer;

    /** @param serializer the general serializer, the one the token store writes tokens with */
    StoredReplayProgress(JdbcClient jdbc, Serializer serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    boolean replaying(String processingGroup) {
        List<StoredToken> tokens = jdbc.sql("""
                                            select token, token_type from token_entry
                                            where processor_name = :group and token is not null
                                            """)
                                       .param("group", processingGroup)
                                       .query((rs, row) -> new StoredToken(rs.getBytes("token"),
                                                                           rs.getString("token_type")))
                                       .list();
        return tokens.stream().anyMatch(this::replaying);
    }

    private boolean replaying(StoredToken stored) {
        TrackingToken token = serializer.deserialize(
                new SimpleSerializedObject<>(stored.bytes(), byte[].class, stored.type(), null));
        if (!(token instanceof ReplayToken replay)) {
            return false;
        }
        if (replay.getTokenAtReset() == null) {
            return false; // reset on an empty store: nothing to replay
        }
        OptionalLong reset = replay.getTokenAtReset().position();
        TrackingToken current = replay.getCurrentToken();
        OptionalLong position = current == null ? OptionalLong.empty() : current.position();
        return reset.isPresent() && (position.isEmpty() || position.getAsLong() < reset.getAsLong());
    }

    private record StoredToken(byte[] bytes, String type) {
    }
}
