package com.memora.command.srs;

import com.memora.kernel.error.TemporarilyUnavailableException;
import com.memora.kernel.ops.OperationsMetrics;
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
import java.util.Optional;

/**
 * {@code POST /api/reviews}: a player submits up to 50 answers (decisions S2, S3, S7). The answer is sent once the
 * events are stored — the review is durable then, whatever happens to Redis or the projections — and carries the
 * consistency token of R5. Redis is never touched here, so Safe Mode never limits submissions (S4).
 * <p>
 * A repeated {@code submission_id} is looked up first, in the {@link SubmissionRegistry}, and answered with the first
 * answer before anything else: not rate-limited, not resolved against the season active now, not refused because
 * that submission's season was archived since.
 */
@RestController
@RequestMapping("/api/reviews")
@PreAuthorize("hasRole('PLAYER')")
class ReviewCommandController {

    private final CommandGateway commands;
    private final SeasonRegistry seasons;
    private final SubmissionRateLimiter rateLimiter;
    private final SubmissionRegistry submissions;
    private final SubmissionHistory history;
    private final OperationsMetrics metrics;

    ReviewCommandController(CommandGateway commands, SeasonRegistry seasons, SubmissionRateLimiter rateLimiter,
                            SubmissionRegistry submissions, SubmissionHistory history, OperationsMetrics metrics) {
        this.commands = commands;
        this.seasons = seasons;
        this.rateLimiter = rateLimiter;
        this.submissions = submissions;
        this.history = history;
        this.metrics = metrics;
    }

    @PostMapping
    ReviewSubmissionResponse submit(@Valid @RequestBody SubmitReviewsRequest body, Authentication caller) {
        String playerId = caller.getName();
        ReviewRules.requirePlayerId(playerId);
        Optional<ReviewSubmissionResponse> repeated = firstAnswer(playerId, body.submissionId());
        if (repeated.isPresent()) {
            metrics.reviewsSubmitted(body.answers().size(), true);
            return repeated.get();
        }
        rateLimiter.acquire(playerId);
        List<ReviewAnswer> answers = body.answers().stream()
                .map(a -> new ReviewAnswer(a.questionId(), a.rating(), a.quality(), a.isCorrect(), a.durationMs(),
                                           a.subject(), a.topic()))
                .toList();
        ReviewRules.validate(body.submissionId(), answers);
        String seasonId = ReviewSeasons.resolve(seasons, body.season()).seasonId();

        SubmissionReceipt receipt;
        try {
            receipt = send(new SubmitReviewsCommand(playerId, seasonId, body.submissionId(), answers));
        } catch (SubmissionIdTakenException e) {
            // the same id, sent again meanwhile, was stored first (in another season): that is the first answer
            metrics.reviewsSubmitted(answers.size(), true);
            return firstAnswer(playerId, body.submissionId()).orElseThrow(() -> e);
        }
        metrics.reviewsSubmitted(answers.size(), receipt.repeated());
        ReviewsSubmittedEvent event = receipt.repeated()
                                      ? history.submission(seasonId, playerId, receipt.sequence())
                                      : receipt.event();
        return ReviewSubmissionResponse.of(event, receipt.sequence());
    }

    /** The answer the player got for this submission id the first time, rebuilt from its stored event. */
    private Optional<ReviewSubmissionResponse> firstAnswer(String playerId, String submissionIdOrNull) {
        if (submissionIdOrNull == null) {
            return Optional.empty();
        }
        return submissions.find(playerId, submissionIdOrNull).map(first -> ReviewSubmissionResponse.of(
                history.submission(first.seasonId(), playerId, first.sequence()), first.sequence()));
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
