package com.memora.kernel.srs;

/**
 * One answer of a review submission as the player gave it: exactly one of {@code rating} (1–4), {@code quality}
 * (0–5) or {@code isCorrect} (with an optional {@code durationMs}) — decisions S2, checked by {@link ReviewRules}.
 *
 * @param subject optional content ids the question belongs to, kept for filtering due reviews
 */
public record ReviewAnswer(String questionId,
                           Integer rating,
                           Integer quality,
                           Boolean isCorrect,
                           Integer durationMs,
                           String subject,
                           String topic) {

    public static ReviewAnswer rated(String questionId, int rating) {
        return new ReviewAnswer(questionId, rating, null, null, null, null, null);
    }
}
