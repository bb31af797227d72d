package com.memora.infra.persistence.srs;

import com.memora.command.srs.SubmissionRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The registry of client submission ids ({@code V5_10__srs_submission_registry.sql}). Writes join the transaction of
 * the submission whose event they follow; a second request with the same id waits for the first one's commit on the
 * primary key, then finds the id taken.
 */
@Repository
class JdbcSubmissionRegistry implements SubmissionRegistry {

    private final JdbcClient jdbc;

    JdbcSubmissionRegistry(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<RecordedSubmission> find(String playerId, String submissionId) {
        return jdbc.sql("select season, sequence, submitted_at from srs_submission "
                        + "where player = ? and submission_id = ?")
                   .params(playerId, submissionId)
                   .query((rs, row) -> new RecordedSubmission(rs.getString("season"), rs.getLong("sequence"),
                                                              rs.getObject("submitted_at", OffsetDateTime.class)
                                                                .toInstant()))
                   .optional();
    }

    @Override
    public boolean record(String playerId, String submissionId, RecordedSubmission submission) {
        int inserted = jdbc.sql("""
                                insert into srs_submission (player, submission_id, season, sequence, submitted_at)
                                values (?, ?, ?, ?, ?) on conflict (player, submission_id) do nothing
                                """)
                           .params(playerId, submissionId, submission.seasonId(), submission.sequence(),
                                   submission.submittedAt().atOffset(ZoneOffset.UTC))
                           .update();
        if (inserted == 1) {
            return true;
        }
        // the same submission recorded before (e.g. by the migration's backfill) is no conflict
        return find(playerId, submissionId)
                .map(existing -> existing.seasonId().equals(submission.seasonId())
                                 && existing.sequence() == submission.sequence())
                .orElse(false);
    }
}
