package com.memora.command.srs;

import java.time.Instant;
import java.util.Optional;

/**
 * Port: the client submission ids of every player, across seasons (decisions S3), and the stored event that answered
 * each. A {@code submission_id} names one submission of the player: a repeat is answered from here before anything
 * else happens to it (rate limit, season resolution, archive checks), so it always gets the first answer.
 */
public interface SubmissionRegistry {

    Optional<RecordedSubmission> find(String playerId, String submissionId);

    /**
     * Records the submission; runs in the transaction that stores its event.
     *
     * @return false when the player's id already names another submission (one stored in another season by a
     *         concurrent request, which committed first)
     */
    boolean record(String playerId, String submissionId, RecordedSubmission submission);

    /**
     * @param sequence the sequence of the submission's event in the player's memory stream of the season
     */
    record RecordedSubmission(String seasonId, long sequence, Instant submittedAt) {
    }
}
