package com.memora.command.season;

import com.memora.kernel.error.InvalidInputException;
import com.memora.kernel.season.ChangeSeasonCommand;
import com.memora.kernel.season.CreateSeasonCommand;
import com.memora.kernel.season.SeasonActivatedEvent;
import com.memora.kernel.season.SeasonAutoArchiveDisabledEvent;
import com.memora.kernel.season.SeasonAutoArchiveEnabledEvent;
import com.memora.kernel.season.SeasonCreatedEvent;
import com.memora.kernel.season.SeasonDeactivatedEvent;
import com.memora.kernel.season.SeasonDetailsChangedEvent;
import com.memora.kernel.season.RecordSeasonPartitionCommand;
import com.memora.kernel.season.SeasonPartitionCreatedEvent;
import com.memora.kernel.season.SeasonRegistry;
import com.memora.kernel.season.SeasonStatus;
import com.memora.kernel.season.SeasonReviewCacheDisabledEvent;
import com.memora.kernel.season.SeasonReviewCacheEnabledEvent;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class SeasonAggregateTest {

    private static final LocalDate START = LocalDate.of(2026, 9, 1);
    private static final LocalDate END = LocalDate.of(2027, 6, 30);

    private FixtureConfiguration<SeasonAggregate> fixture;

    /** The one-active-season rule needs the registry (tested against PostgreSQL in SeasonActivationTest). */
    private static final SeasonRegistry NO_ACTIVE_SEASON = new SeasonRegistry() {
        @Override
        public Optional<SeasonStatus> find(String seasonId) {
            return Optional.empty();
        }

        @Override
        public Optional<SeasonStatus> active() {
            return Optional.empty();
        }
    };

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(SeasonAggregate.class);
        fixture.registerAnnotatedCommandHandler(new SeasonCommandHandler(fixture.getRepository(), NO_ACTIVE_SEASON));
    }

    private static SeasonCreatedEvent created(boolean active, boolean autoArchive) {
        return new SeasonCreatedEvent("SEASON-2026", "Season 2026", START, END, active, true, autoArchive);
    }

    private static ChangeSeasonCommand change(String title, LocalDate start, LocalDate end,
                                              Boolean active, Boolean enableRedis, Boolean autoArchive) {
        return new ChangeSeasonCommand("SEASON-2026", title, start, end, active, enableRedis, autoArchive);
    }

    @Test
    void createsASeason() {
        fixture.givenNoPriorActivity()
               .when(new CreateSeasonCommand("SEASON-2026", "  Season 2026 ", START, END, true, true, false))
               .expectSuccessfulHandlerExecution()
               .expectEvents(new SeasonCreatedEvent("SEASON-2026", "Season 2026", START, END, true, true, false));
    }

    @Test
    void acceptsASuffixedId() {
        fixture.givenNoPriorActivity()
               .when(new CreateSeasonCommand("SEASON-2026-SUMMER_B", "Summer", START, END, false, false, true))
               .expectEvents(new SeasonCreatedEvent("SEASON-2026-SUMMER_B", "Summer", START, END, false, false,
                                                    true));
    }

    @ParameterizedTest
    @ValueSource(strings = {"season-2026", "SEASON-26", "SEASON-2026-", "SEASON-2026-summer", "2026",
                            "SEASON-2026-ABCDEFGHIJKLMNOPQRSTU", "SEASON-2026/../x"})
    void refusesAnIdThatIsNotTheBusinessKey(String id) {
        fixture.givenNoPriorActivity()
               .when(new CreateSeasonCommand(id, "Title", START, END, false, true, false))
               .expectException(InvalidInputException.class)
               .expectExceptionMessage(org.hamcrest.Matchers.containsString("SEASON-YYYY"))
               .expectNoEvents();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void refusesABlankTitle(String title) {
        fixture.givenNoPriorActivity()
               .when(new CreateSeasonCommand("SEASON-2026", title, START, END, false, true, false))
               .expectException(InvalidInputException.class)
               .expectNoEvents();
    }

    @Test
    void refusesAMissingTitle() {
        fixture.givenNoPriorActivity()
               .when(new CreateSeasonCommand("SEASON-2026", null, START, END, false, true, false))
               .expectException(fieldIs("title"))
               .expectNoEvents();
    }

    @Test
    void refusesAnEndBeforeTheStart() {
        fixture.givenNoPriorActivity()
               .when(new CreateSeasonCommand("SEASON-2026", "T", END, START, false, true, false))
               .expectException(fieldIs("end_date"))
               .expectNoEvents();
    }

    @Test
    void acceptsASingleDaySeason() {
        fixture.givenNoPriorActivity()
               .when(new CreateSeasonCommand("SEASON-2026", "T", START, START, false, true, false))
               .expectSuccessfulHandlerExecution();
    }

    @Test
    void refusesMissingDates() {
        fixture.givenNoPriorActivity()
               .when(new CreateSeasonCommand("SEASON-2026", "T", null, END, false, true, false))
               .expectException(fieldIs("start_date"))
               .expectNoEvents();
    }

    @Test
    void refusesAutoArchiveOnAnActiveSeason() {
        fixture.givenNoPriorActivity()
               .when(new CreateSeasonCommand("SEASON-2026", "T", START, END, true, true, true))
               .expectException(fieldIs("auto_archive"))
               .expectNoEvents();
    }

    @Test
    void changesTitleAndDatesAsOneFact() {
        fixture.given(created(false, false))
               .when(change("New title", null, END.plusDays(1), null, null, null))
               .expectEvents(new SeasonDetailsChangedEvent("SEASON-2026", "New title", START, END.plusDays(1)));
    }

    @Test
    void aPatchThatChangesNothingAddsNoEvents() {
        fixture.given(created(true, false))
               .when(change("Season 2026", START, END, true, true, false))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void refusesAChangeThatPutsTheEndBeforeTheStart() {
        fixture.given(created(false, false))
               .when(change(null, END.plusDays(1), null, null, null, null))
               .expectException(fieldIs("end_date"))
               .expectNoEvents();
    }

    @Test
    void refusesABlankTitleOnChange() {
        fixture.given(created(false, false))
               .when(change(" ", null, null, null, null, null))
               .expectException(fieldIs("title"))
               .expectNoEvents();
    }

    @Test
    void activatesAndDeactivates() {
        fixture.given(created(false, false))
               .when(change(null, null, null, true, null, null))
               .expectEvents(new SeasonActivatedEvent("SEASON-2026"));
        fixture.given(created(true, false))
               .when(change(null, null, null, false, null, null))
               .expectEvents(new SeasonDeactivatedEvent("SEASON-2026"));
    }

    @Test
    void refusesAutoArchiveWhileActive() {
        fixture.given(created(true, false))
               .when(change(null, null, null, null, null, true))
               .expectException(fieldIs("auto_archive"))
               .expectNoEvents();
    }

    @Test
    void refusesActivatingASeasonSetToAutoArchive() {
        fixture.given(created(false, true))
               .when(change(null, null, null, true, null, null))
               .expectException(fieldIs("auto_archive"))
               .expectNoEvents();
    }

    @Test
    void deactivatesBeforeSchedulingAutoArchive() {
        fixture.given(created(true, false))
               .when(change(null, null, null, false, null, true))
               .expectEvents(new SeasonDeactivatedEvent("SEASON-2026"),
                             new SeasonAutoArchiveEnabledEvent("SEASON-2026"));
    }

    @Test
    void cancelsAutoArchiveBeforeActivating() {
        fixture.given(created(false, true))
               .when(change(null, null, null, true, null, false))
               .expectEvents(new SeasonAutoArchiveDisabledEvent("SEASON-2026"),
                             new SeasonActivatedEvent("SEASON-2026"));
    }

    @Test
    void togglesTheReviewCache() {
        fixture.given(created(false, false))
               .when(change(null, null, null, null, false, null))
               .expectEvents(new SeasonReviewCacheDisabledEvent("SEASON-2026"));
        fixture.given(created(false, false), new SeasonReviewCacheDisabledEvent("SEASON-2026"))
               .when(change(null, null, null, null, true, null))
               .expectEvents(new SeasonReviewCacheEnabledEvent("SEASON-2026"));
    }

    private static org.hamcrest.Matcher<InvalidInputException> fieldIs(String field) {
        return new org.hamcrest.TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(InvalidInputException e) {
                return field.equals(e.field());
            }

            @Override
            public void describeTo(org.hamcrest.Description description) {
                description.appendText("an InvalidInputException on field ").appendValue(field);
            }
        };
    }

    @Test
    void theFieldMatcherRejectsOtherFields() {
        assertThat(fieldIs("title").matches(new InvalidInputException("x", "end_date", "m"))).isFalse();
    }

    @Test
    void recordsThePartitionOnce() {
        fixture.given(created(false, false))
               .when(new RecordSeasonPartitionCommand("SEASON-2026", "p_season_2026"))
               .expectEvents(new SeasonPartitionCreatedEvent("SEASON-2026", "p_season_2026"));
        fixture.given(created(false, false), new SeasonPartitionCreatedEvent("SEASON-2026", "p_season_2026"))
               .when(new RecordSeasonPartitionCommand("SEASON-2026", "p_season_2026"))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void aPartitionOfAnUnknownSeasonIsRefused() {
        fixture.givenNoPriorActivity()
               .when(new RecordSeasonPartitionCommand("SEASON-2026", "p_season_2026"))
               .expectException(org.axonframework.modelling.command.AggregateNotFoundException.class);
    }
}
