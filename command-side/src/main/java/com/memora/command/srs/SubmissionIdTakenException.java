package com.memora.command.srs;

/**
 * A concurrent request stored another submission under the same {@code submission_id} first (in another season): this
 * one is rolled back, and the controller answers with that first submission's answer.
 */
class SubmissionIdTakenException extends RuntimeException {

    SubmissionIdTakenException(String playerId, String submissionId) {
        super("Submission id " + submissionId + " of " + playerId + " was stored by a concurrent request first");
    }
}
