package com.memora.command.srs;

import com.memora.kernel.error.TemporarilyUnavailableException;
import com.memora.kernel.season.SeasonRegistry;
import com.memora.kernel.srs.ReviewAnswer;
import com.memora.kernel.srs.ReviewRules;
import com.memora.kernel.srs.ReviewSeasons;
import com.memora.kernel.srs.ReviewsSubmittedEvent;
import com.memora.kernel.srs.SubmissionReceipt;
import com.memora.kernel.srs.SubmitReviewsCommand;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * {@code POST /api/reviews}: a player submits up to 50 answers (decisions S2, S3, S7). The answer is sent once the
 * events are stored — the review is durable then, whatever happens to Redis or the projections — and carries the
 * consistency token of R5. Redis is never touched here, so Safe Mode never limits submissions (S4).
 */
@RestController
@RequestMapping("/api/reviews")
@PreAuthorize("hasRole('PLAYER')")
class ReviewCommandController {

    private final CommandGateway commands;
    private final SeasonRegistry seasons;
    private final SubmissionRateLimiter rateLimiter;
    private final SubmissionHistory history;

    ReviewCommandController(CommandGateway commands, SeasonRegistry seasons, SubmissionRateLimiter rateLimiter,
                            SubmissionHistory history) {
        this.commands = commands;
        this.seasons = seasons;
        this.rateLimiter = rateLimiter;
        this.history = history;
    }

    @PostMapping
    ReviewSubmissionResponse submit(@Valid @RequestBody SubmitReviewsRequest body, Authentication caller) {
        String playerId = caller.getName();
        ReviewRules.requirePlayerId(playerId);
        rateLimiter.acquire(playerId);
        List<ReviewAnswer> answers = body.answers().stream()
                .map(a -> new ReviewAnswer(a.questionId(), a.rating(), a.quality(), a.isCorrect(), a.durationMs(),
                                           a.subject(), a.topic()))
                .toList();
        ReviewRules.validate(body.submissionId(), answers);
        String seasonId = ReviewSeasons.resolve(seasons, body.season()).seasonId();

        SubmissionReceipt receipt = send(new SubmitReviewsCommand(playerId, seasonId, body.submissionId(), answers));
        ReviewsSubmittedEvent event = receipt.repeated()
                                      ? history.submission(seasonId, playerId, receipt.sequence())
                                      : receipt.event();
        return ReviewSubmissionResponse.of(event, receipt.sequence());
    }

    /**
     * The gateway already retried a lost concurrency race several times — also the race of two first submissions to
     * create the player's memory, which a retry loads instead; if it still lost, nothing was stored and the client
     * may safely send the same submission again (decisions S3: never a 409 for a conflict).
     */
    private SubmissionReceipt send(SubmitReviewsCommand command) {
        try {
            return commands.sendAndWait(command);
        } catch (ConcurrencyException | AggregateStreamCreationException e) {
            throw new TemporarilyUnavailableException("review-contended",
                    "Your memory was being updated by other submissions at the same moment; nothing was stored, "
                    + "send the submission again", 1, e);
        }
    }
}
