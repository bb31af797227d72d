package com.memora.kernel.srs;

import com.memora.kernel.error.InvalidInputException;
import com.memora.kernel.id.Identifiers;
import com.memora.kernel.srs.fsrs.Rating;

import java.util.ArrayList;
import java.util.List;

/**
 * The rules of a review submission (decisions S2, S3, S7), shared by the HTTP layer (to answer 400 before anything
 * else) and the player-memory aggregate (its invariants, whoever sends the command).
 */
public final class ReviewRules {

    public static final int MAX_ANSWERS_PER_SUBMISSION = 50;
    /** {@code is_correct} answers without a duration count as 3 s (decisions S2). */
    public static final int DEFAULT_DURATION_MS = 3_000;
    /** A day: anything longer is a client clock or unit error, not a thinking time. */
    public static final int MAX_DURATION_MS = 86_400_000;
    /** Player ids are the token's {@code sub}; they key the tracker rows and the Redis queues. */
    public static final int MAX_PLAYER_ID_LENGTH = 200;
    static final int EASY_BELOW_MS = 2_000;
    static final int HARD_ABOVE_MS = 6_000;
    private static final String PROBLEM = "review-answer";

    private ReviewRules() {
    }

    /**
     * The id keys PostgreSQL rows, which cannot hold a NUL: a control character in {@code sub} made submissions and
     * due reads a 500.
     */
    public static void requirePlayerId(String playerId) {
        if (playerId == null || playerId.isBlank() || playerId.length() > MAX_PLAYER_ID_LENGTH
            || playerId.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException("player-id", "sub",
                    "The token's subject (sub) identifies the player and must be 1-" + MAX_PLAYER_ID_LENGTH
                    + " characters, none of them a control character");
        }
    }

    /** Refuses the submission with the first broken rule, naming the field as the client wrote it. */
    public static void validate(String submissionId, List<ReviewAnswer> answers) {
        if (submissionId != null && !Identifiers.isValidNodeId(submissionId)) {
            throw new InvalidInputException("review-submission-id", "submission_id",
                    "submission_id must be 1-64 of A-Z, a-z, 0-9, _ and - (starting with a letter or digit), e.g. a "
                    + "UUID");
        }
        if (answers == null || answers.isEmpty() || answers.size() > MAX_ANSWERS_PER_SUBMISSION) {
            throw new InvalidInputException("review-answers", "answers",
                    "A submission carries 1 to " + MAX_ANSWERS_PER_SUBMISSION + " answers, got "
                    + (answers == null ? 0 : answers.size()));
        }
        for (int i = 0; i < answers.size(); i++) {
            validate(i, answers.get(i));
        }
    }

    private static void validate(int index, ReviewAnswer answer) {
        String field = "answers[" + index + "]";
        if (answer == null) {
            throw new InvalidInputException(PROBLEM, field, field + " is missing");
        }
        if (!Identifiers.isValidNodeId(answer.questionId())) {
            throw new InvalidInputException(PROBLEM, field + ".question_id",
                    field + ".question_id must be 1-64 of A-Z, a-z, 0-9, _ and - (starting with a letter or digit)");
        }
        requireOptionalId(answer.subject(), field + ".subject");
        requireOptionalId(answer.topic(), field + ".topic");
        List<String> forms = new ArrayList<>();
        if (answer.rating() != null) {
            forms.add("rating");
        }
        if (answer.quality() != null) {
            forms.add("quality");
        }
        if (answer.isCorrect() != null) {
            forms.add("is_correct");
        }
        if (forms.size() != 1) {
            throw new InvalidInputException(PROBLEM, field,
                    field + " (question " + answer.questionId() + ") must carry exactly one of rating (1-4), "
                    + "quality (0-5) or is_correct (with an optional duration_ms); it carries "
                    + (forms.isEmpty() ? "none" : String.join(" and ", forms)));
        }
        if (answer.rating() != null && (answer.rating() < 1 || answer.rating() > 4)) {
            throw new InvalidInputException(PROBLEM, field + ".rating",
                    field + ".rating must be 1 (Again) to 4 (Easy), got " + answer.rating());
        }
        if (answer.quality() != null && (answer.quality() < 0 || answer.quality() > 5)) {
            throw new InvalidInputException(PROBLEM, field + ".quality",
                    field + ".quality must be 0 to 5, got " + answer.quality());
        }
        if (answer.durationMs() != null && (answer.durationMs() < 0 || answer.durationMs() > MAX_DURATION_MS)) {
            throw new InvalidInputException(PROBLEM, field + ".duration_ms",
                    field + ".duration_ms must be 0 to " + MAX_DURATION_MS + " milliseconds, got "
                    + answer.durationMs());
        }
    }

    private static void requireOptionalId(String id, String field) {
        if (id != null && !Identifiers.isValidNodeId(id)) {
            throw new InvalidInputException(PROBLEM, field,
                    field + " must be a content id: 1-64 of A-Z, a-z, 0-9, _ and - (starting with a letter or digit)");
        }
    }

    /**
     * The FSRS rating of a valid answer (decisions S2): {@code rating} as is; {@code quality} 0–2 Again, 3 Hard,
     * 4 Good, 5 Easy; {@code is_correct} false Again, true under 2 s Easy, 2–6 s Good, over 6 s Hard.
     */
    public static Rating ratingOf(ReviewAnswer answer) {
        if (answer.rating() != null) {
            return Rating.of(answer.rating());
        }
        if (answer.quality() != null) {
            return switch (answer.quality()) {
                case 0, 1, 2 -> Rating.AGAIN;
                case 3 -> Rating.HARD;
                case 4 -> Rating.GOOD;
                case 5 -> Rating.EASY;
                default -> throw new IllegalArgumentException("quality " + answer.quality() + " is not 0-5");
            };
        }
        if (answer.isCorrect() == null) {
            throw new IllegalArgumentException("the answer to " + answer.questionId() + " carries no form");
        }
        if (!answer.isCorrect()) {
            return Rating.AGAIN;
        }
        int duration = answer.durationMs() == null ? DEFAULT_DURATION_MS : answer.durationMs();
        if (duration < EASY_BELOW_MS) {
            return Rating.EASY;
        }
        return duration > HARD_ABOVE_MS ? Rating.HARD : Rating.GOOD;
    }
}
