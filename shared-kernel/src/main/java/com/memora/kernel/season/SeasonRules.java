package com.memora.kernel.season;

import com.memora.kernel.error.FieldProblem;
import com.memora.kernel.id.Identifiers;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rules of a season's own fields (decisions S1), each problem with the API field it concerns. Pure: the season
 * aggregate enforces them on every command and the import reports them for a whole document before dispatching
 * anything, so a season that passes the import's check is created without a refusal.
 */
public final class SeasonRules {

    public static final int MAX_TITLE_LENGTH = 200;

    private SeasonRules() {
    }

    public static Optional<FieldProblem> idProblem(String seasonId) {
        if (Identifiers.isValidSeasonId(seasonId)) {
            return Optional.empty();
        }
        return Optional.of(new FieldProblem("id", "Season id '" + seasonId + "' must look like SEASON-YYYY or "
                                                  + "SEASON-YYYY-SUFFIX (suffix: 1-20 of A-Z, 0-9, _)"));
    }

    public static Optional<FieldProblem> titleProblem(String title) {
        if (title == null || title.isBlank()) {
            return Optional.of(new FieldProblem("title", "A season needs a title"));
        }
        if (title.strip().length() > MAX_TITLE_LENGTH) {
            return Optional.of(new FieldProblem("title", "A season title has at most " + MAX_TITLE_LENGTH
                                                         + " characters"));
        }
        return Optional.empty();
    }

    public static Optional<FieldProblem> datesProblem(LocalDate start, LocalDate end) {
        if (start == null) {
            return Optional.of(new FieldProblem("start_date", "A season needs a start_date"));
        }
        if (end == null) {
            return Optional.of(new FieldProblem("end_date", "A season needs an end_date"));
        }
        if (end.isBefore(start)) {
            return Optional.of(new FieldProblem("end_date", "end_date " + end + " is before start_date " + start));
        }
        return Optional.empty();
    }

    /** An active season is in use: archiving it automatically is refused (the archive needs an inactive one). */
    public static Optional<FieldProblem> autoArchiveProblem(boolean active, boolean autoArchive) {
        if (active && autoArchive) {
            return Optional.of(new FieldProblem("auto_archive",
                                                "auto_archive cannot be on while the season is active; "
                                                + "deactivate it first"));
        }
        return Optional.empty();
    }

    /** Every rule a new season with these fields breaks. */
    public static List<FieldProblem> checkNew(String seasonId, String title, LocalDate start, LocalDate end,
                                              boolean active, boolean autoArchive) {
        List<FieldProblem> problems = new ArrayList<>();
        idProblem(seasonId).ifPresent(problems::add);
        titleProblem(title).ifPresent(problems::add);
        datesProblem(start, end).ifPresent(problems::add);
        autoArchiveProblem(active, autoArchive).ifPresent(problems::add);
        return problems;
    }
}
