package com.memora.infra.persistence.season;

import com.memora.command.srs.ReviewSeasonGate;
import com.memora.kernel.srs.ReviewSeasons;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs in the transaction of the submission's unit of work: takes the season's review lock shared (see
 * {@link SeasonReviewLock}), then reads the registry. The read comes after the lock in its own statement, so it sees
 * an archive that committed while the lock was awaited.
 */
@Component
class JdbcReviewSeasonGate implements ReviewSeasonGate {

    private final JdbcClient jdbc;

    JdbcReviewSeasonGate(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void requireOpen(String seasonId) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("A review submission must be stored in a transaction");
        }
        SeasonReviewLock.shared(jdbc, seasonId);
        boolean archived = jdbc.sql("select archived from season_registry where season_id = ?").param(seasonId)
                               .query(Boolean.class).optional().orElse(false);
        if (archived) {
            throw ReviewSeasons.reviewsClosed(seasonId);
        }
    }
}
