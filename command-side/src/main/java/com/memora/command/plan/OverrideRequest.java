package com.memora.command.plan;

import com.memora.kernel.id.Identifiers;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/** Body of {@code POST /api/plans/{id}/overrides}. */
record OverrideRequest(
        @Pattern(regexp = Identifiers.NODE_ID_REGEX,
                 message = "must be 1-64 letters, digits, '_' or '-', starting with a letter or digit") String id,
        @NotBlank String targetType,
        @NotBlank @Pattern(regexp = Identifiers.NODE_ID_REGEX, message = "must be a content id") String targetId,
        @NotBlank String action,
        String value) {
}
