package com.memora.kernel.srs;

/**
 * What the player-memory aggregate answers to a submission: the sequence number of the event that holds its
 * outcome, and that event when this very command applied it. A repeated {@code submission_id} changes nothing and
 * gets only the sequence of the first submission's event; its answer is rebuilt from that stored event.
 */
public record SubmissionReceipt(long sequence, ReviewsSubmittedEvent event) {

    public boolean repeated() {
        return event == null;
    }
}
