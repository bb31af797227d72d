package com.memora.infra.export;

import com.memora.infra.persistence.Rows;
import com.memora.projection.content.ContentNodeProjection;
import com.memora.projection.export.pipeline.DirtyPlans;
import com.memora.projection.export.pipeline.ReplayRebuilds;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;

/**
 * The replay debt ({@code export_batch_state.replay_rebuild_owed}), set in the transaction of the content group's
 * reset, and settled once the stored tokens show the replay has caught up.
 */
@Repository
class JdbcReplayRebuilds implements ReplayRebuilds {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final DirtyPlans dirtyPlans;
    private final StoredReplayProgress progress;

    JdbcReplayRebuilds(JdbcClient jdbc, TransactionTemplate transactions, DirtyPlans dirtyPlans,
                       StoredReplayProgress progress) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.dirtyPlans = dirtyPlans;
        this.progress = progress;
    }

    @Override
    public void owe(Instant at) {
        jdbc.sql("update export_batch_state set replay_rebuild_owed = true, replay_started_at = :at where id = 1")
            .param("at", Rows.utc(at)).update();
    }

    @Override
    public boolean owed() {
        return jdbc.sql("select replay_rebuild_owed from export_batch_state where id = 1").query(Boolean.class)
                   .single();
    }

    @Override
    public int settle(String reason, Instant at) {
        Integer marked = transactions.execute(status -> {
            int cleared = jdbc.sql("update export_batch_state set replay_rebuild_owed = false "
                                   + "where id = 1 and replay_rebuild_owed").update();
            return cleared == 0 ? -1 : dirtyPlans.markEveryPlan(reason, at);
        });
        return marked == null ? -1 : marked;
    }

    @Override
    public boolean contentReplaying() {
        return progress.replaying(ContentNodeProjection.PROCESSING_GROUP);
    }
}
