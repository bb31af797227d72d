package com.memora.command.srs;

import com.memora.kernel.id.Identifiers;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * Body of {@code POST /api/reviews}. Types and patterns are checked here; the answer-form rules (exactly one of
 * rating, quality or is_correct) by {@link com.memora.kernel.srs.ReviewRules}, naming the answer.
 */
record SubmitReviewsRequest(
        @Pattern(regexp = Identifiers.NODE_ID_REGEX,
                 message = "must be 1-64 of A-Z, a-z, 0-9, _ and - (starting with a letter or digit), e.g. a UUID")
        String submissionId,
        @Pattern(regexp = Identifiers.SEASON_ID_REGEX, message = "must look like SEASON-YYYY or SEASON-YYYY-SUFFIX")
        String season,
        @NotNull @Size(min = 1, max = 50, message = "must hold 1 to 50 answers")
        List<@NotNull @Valid Answer> answers) {

    record Answer(
            @NotNull
            @Pattern(regexp = Identifiers.NODE_ID_REGEX,
                     message = "must be 1-64 of A-Z, a-z, 0-9, _ and - (starting with a letter or digit)")
            String questionId,
            Integer rating,
            Integer quality,
            Boolean isCorrect,
            Integer durationMs,
            @Pattern(regexp = Identifiers.NODE_ID_REGEX, message = "must be a content id") String subject,
            @Pattern(regexp = Identifiers.NODE_ID_REGEX, message = "must be a content id") String topic) {
    }
}
