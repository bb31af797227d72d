package com.memora.kernel.srs;

import com.memora.kernel.error.ConflictException;
import com.memora.kernel.error.NotFoundException;
import com.memora.kernel.season.SeasonRegistry;
import com.memora.kernel.season.SeasonStatus;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which season a review is about (decisions S3, S6), over a registry holding a few seasons. */
class ReviewSeasonsTest {

    private static final SeasonStatus ACTIVE = new SeasonStatus("SEASON-2026", true, true, false, true);
    private static final SeasonStatus OLD = new SeasonStatus("SEASON-2025", false, true, false, true);
    private static final SeasonStatus ARCHIVED = new SeasonStatus("SEASON-2024", false, true, true, true);

    private static SeasonRegistry registry(SeasonStatus... seasons) {
        List<SeasonStatus> all = List.of(seasons);
        return new SeasonRegistry() {
            @Override
            public Optional<SeasonStatus> find(String seasonId) {
                return all.stream().filter(s -> s.seasonId().equals(seasonId)).findFirst();
            }

            @Override
            public Optional<SeasonStatus> active() {
                return all.stream().filter(SeasonStatus::active).findFirst();
            }
        };
    }

    @Test
    void noSeasonNamedMeansTheActiveOne() {
        assertThat(ReviewSeasons.resolve(registry(OLD, ACTIVE), null)).isEqualTo(ACTIVE);
    }

    @Test
    void aNamedSeasonNeedNotBeActive() {
        assertThat(ReviewSeasons.resolve(registry(OLD, ACTIVE), "SEASON-2025")).isEqualTo(OLD);
    }

    @Test
    void noSeasonNamedAndNoneActiveIsAConflict() {
        assertThatThrownBy(() -> ReviewSeasons.resolve(registry(OLD), null))
                .isInstanceOf(ConflictException.class).hasMessageContaining("No season is active");
    }

    @Test
    void anUnknownSeasonIsNotFound() {
        assertThatThrownBy(() -> ReviewSeasons.resolve(registry(ACTIVE), "SEASON-1999"))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("SEASON-1999");
    }

    @Test
    void anArchivedSeasonIsRefusedNamingIt() {
        assertThatThrownBy(() -> ReviewSeasons.resolve(registry(ACTIVE, ARCHIVED), "SEASON-2024"))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("SEASON-2024 is archived")
                .hasFieldOrPropertyWithValue("problemType", "season-archived");
    }
}
