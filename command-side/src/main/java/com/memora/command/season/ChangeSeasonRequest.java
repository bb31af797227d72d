package com.memora.command.season;

import com.memora.command.web.ValidationPatterns;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** Body of {@code PATCH /api/seasons/{id}}: only the fields to change. The id is never renamed. */
record ChangeSeasonRequest(
        @Pattern(regexp = ValidationPatterns.NOT_BLANK_IF_PRESENT, message = "must not be blank")
        @Size(max = 200) String title,
        LocalDate startDate,
        LocalDate endDate,
        Boolean isActive,
        Boolean enableRedis,
        Boolean autoArchive) {
}
