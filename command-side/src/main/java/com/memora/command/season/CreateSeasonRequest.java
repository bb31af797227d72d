package com.memora.command.season;

import com.memora.kernel.id.Identifiers;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** Body of {@code POST /api/seasons}; JSON names are snake_case ({@code is_active}, {@code end_date}). */
record CreateSeasonRequest(
        @NotBlank
        @Pattern(regexp = Identifiers.SEASON_ID_REGEX,
                 message = "must look like SEASON-YYYY or SEASON-YYYY-SUFFIX (suffix: 1-20 of A-Z, 0-9, _)")
        String id,
        @NotBlank @Size(max = 200) String title,
        @NotNull LocalDate startDate,
        @NotNull LocalDate endDate,
        Boolean isActive,
        Boolean enableRedis,
        Boolean autoArchive) {
}
