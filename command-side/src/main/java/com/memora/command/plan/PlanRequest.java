package com.memora.command.plan;

import com.memora.command.web.OnChange;
import com.memora.command.web.OnCreate;
import com.memora.command.web.ValidationPatterns;
import com.memora.kernel.id.Identifiers;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Null;
import jakarta.validation.constraints.Pattern;

/** Body of {@code POST /api/plans} and {@code PATCH /api/plans/{id}}. */
record PlanRequest(
        @Null(groups = OnChange.class, message = "cannot change; the id is in the path")
        @Pattern(regexp = Identifiers.NODE_ID_REGEX,
                 message = "must be 1-64 letters, digits, '_' or '-', starting with a letter or digit") String id,
        @NotBlank(groups = OnCreate.class)
        @Pattern(regexp = ValidationPatterns.NOT_BLANK_IF_PRESENT, message = "must not be blank") String title,
        @NotBlank(groups = OnCreate.class)
        @Pattern(regexp = Identifiers.SEASON_ID_REGEX, message = "must be a season id such as SEASON-2026") String season,
        @NotBlank(groups = OnCreate.class)
        @Pattern(regexp = ValidationPatterns.NOT_BLANK_IF_PRESENT, message = "must not be blank") String stream,
        @NotBlank(groups = OnCreate.class)
        @Pattern(regexp = ValidationPatterns.NOT_BLANK_IF_PRESENT, message = "must not be blank") String grade) {
}
