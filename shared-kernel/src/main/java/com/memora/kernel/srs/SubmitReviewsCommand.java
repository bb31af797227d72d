package com.memora.kernel.srs;

import com.memora.kernel.command.LoadOrCreateCommand;
import com.memora.kernel.id.AggregateIds;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * A player's review submission in one season: 1 to 50 answers applied in order, as one command (decisions S3).
 *
 * The player's memory in the season is created by the first submission, so this command loads or creates it.
 *
 * @param submissionId optional client id; sending it again returns the first answer and changes nothing
 */
public record SubmitReviewsCommand(String playerId, String seasonId, String submissionId,
                                   List<ReviewAnswer> answers) implements LoadOrCreateCommand {

    public SubmitReviewsCommand {
        answers = answers == null ? null : List.copyOf(answers);
    }

    @TargetAggregateIdentifier
    public String aggregateId() {
        return AggregateIds.playerMemory(seasonId, playerId);
    }
}
