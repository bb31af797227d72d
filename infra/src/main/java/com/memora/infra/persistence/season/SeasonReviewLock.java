package com.memora.infra.persistence.season;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A PostgreSQL advisory lock per season, held until the end of the transaction, that keeps archiving and review
 * submissions apart (decisions S6): every transaction storing a submission holds it shared, the transaction that
 * archives the season holds it exclusively. Archiving therefore waits for the submissions being stored, and the
 * submissions arriving meanwhile wait for the archive and then see the season archived. Advisory locks live in
 * the lock manager, not in a row, so the many concurrent submissions of a season cost no row writes.
 */
public final class SeasonReviewLock {

    /** The first key of the two-key form, so these locks never meet other advisory locks of the schema. */
    private static final int SPACE = 0x53525331; // "SRS1"

    private SeasonReviewLock() {
    }

    public static void shared(JdbcClient jdbc, String seasonId) {
        jdbc.sql("select pg_advisory_xact_lock_shared(?, hashtext(?))").params(SPACE, seasonId).query().singleRow();
    }

    public static void exclusive(JdbcClient jdbc, String seasonId) {
        jdbc.sql("select pg_advisory_xact_lock(?, hashtext(?))").params(SPACE, seasonId).query().singleRow();
    }
}
