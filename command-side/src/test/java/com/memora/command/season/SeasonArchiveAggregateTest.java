package com.memora.command.season;

import com.memora.command.testing.Refusals;
import com.memora.kernel.season.ArchiveSeasonCommand;
import com.memora.kernel.season.ArchivedTrackerRowsDeletedEvent;
import com.memora.kernel.season.ArchivedTrackerRowsFlaggedEvent;
import com.memora.kernel.season.ChangeSeasonCommand;
import com.memora.kernel.season.CompleteSeasonArchiveCommand;
import com.memora.kernel.season.DeleteFlaggedTrackerRowsCommand;
import com.memora.kernel.season.FlagArchivedTrackerRowsCommand;
import com.memora.kernel.season.RecordSeasonPartitionCommand;
import com.memora.kernel.season.SeasonActivatedEvent;
import com.memora.kernel.season.SeasonArchiveState;
import com.memora.kernel.season.SeasonArchivedEvent;
import com.memora.kernel.season.SeasonAutoArchiveDisabledEvent;
import com.memora.kernel.season.SeasonAutoArchiveEnabledEvent;
import com.memora.kernel.season.SeasonCreatedEvent;
import com.memora.kernel.season.SeasonDeactivatedEvent;
import com.memora.kernel.season.SeasonRegistry;
import com.memora.kernel.season.SeasonStatus;
import com.memora.kernel.season.SeasonTrackerArchivedEvent;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Archiving and retention on the season aggregate (domain §12.6, decisions S5, S6), one scenario per rule. */
class SeasonArchiveAggregateTest {

    private static final String ID = "SEASON-2025";
    private static final LocalDate START = LocalDate.of(2025, 9, 1);
    private static final LocalDate END = LocalDate.of(2026, 6, 30);
    /** The day after the season's last day. */
    private static final Instant NOW = Instant.parse("2026-07-01T01:30:00Z");
    private static final Instant LATER = Instant.parse("2029-07-02T02:00:00Z");

    private FixtureConfiguration<SeasonAggregate> fixture;
    private final RecordingStorage storage = new RecordingStorage();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(SeasonAggregate.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource(storage);
        fixture.registerAnnotatedCommandHandler(new SeasonCommandHandler(fixture.getRepository(), NO_ACTIVE_SEASON));
    }

    private static SeasonCreatedEvent created(boolean active, boolean autoArchive) {
        return new SeasonCreatedEvent(ID, "Season 2025", START, END, active, true, autoArchive);
    }

    private static SeasonArchivedEvent archived() {
        return new SeasonArchivedEvent(ID, NOW, false);
    }

    @Test
    void archivingClosesTheSeasonAndSaysSo() {
        fixture.given(created(false, false))
               .when(new ArchiveSeasonCommand(ID, false))
               .expectEvents(new SeasonArchivedEvent(ID, NOW, false))
               .expectResultMessagePayload(new SeasonArchiveState(ID, true, true, false, 0));
        assertThat(storage.calls).as("reviews closed before the event is stored; no rows move before the tracker "
                                     + "has caught up").containsExactly("close " + ID);
    }

    @Test
    void archivingEndsAutoArchiveFirst() {
        fixture.given(created(false, true))
               .when(new ArchiveSeasonCommand(ID, false))
               .expectEvents(new SeasonAutoArchiveDisabledEvent(ID), new SeasonArchivedEvent(ID, NOW, false));
    }

    @Test
    void theActiveSeasonIsNotArchived() {
        fixture.given(created(true, false))
               .when(new ArchiveSeasonCommand(ID, false))
               .expectException(Refusals.conflict("season-active"))
               .expectNoEvents();
    }

    @Test
    void anUnknownSeasonIsNotFound() {
        fixture.givenNoPriorActivity()
               .when(new ArchiveSeasonCommand(ID, false))
               .expectException(AggregateNotFoundException.class);
    }

    @Test
    void archivingAgainChangesNothingAndTellsHowFarTheArchiveGot() {
        fixture.given(created(false, false), archived())
               .when(new ArchiveSeasonCommand(ID, false))
               .expectNoEvents()
               .expectResultMessagePayload(new SeasonArchiveState(ID, true, false, false, 0));
        fixture.given(created(false, false), archived(), new SeasonTrackerArchivedEvent(ID, 42, NOW))
               .when(new ArchiveSeasonCommand(ID, true))
               .expectNoEvents()
               .expectResultMessagePayload(new SeasonArchiveState(ID, true, false, true, 42));
    }

    @Test
    void autoArchiveTakesOnlyEndedSeasonsWithAutoArchiveOn() {
        fixture.given(created(false, true))
               .when(new ArchiveSeasonCommand(ID, true))
               .expectEvents(new SeasonAutoArchiveDisabledEvent(ID), new SeasonArchivedEvent(ID, NOW, true));
        fixture.given(created(false, false))
               .when(new ArchiveSeasonCommand(ID, true))
               .expectNoEvents()
               .expectResultMessagePayload(new SeasonArchiveState(ID, false, false, false, 0));
        fixture.given(new SeasonCreatedEvent(ID, "Season 2025", START, NOW.atOffset(ZoneOffset.UTC).toLocalDate(),
                                             false, true, true))
               .when(new ArchiveSeasonCommand(ID, true)) // its last day is today: it has not ended
               .expectNoEvents();
    }

    @Test
    void autoArchiveLeavesASeasonThatWasReactivated() {
        fixture.given(created(false, true), new SeasonAutoArchiveDisabledEvent(ID), new SeasonActivatedEvent(ID))
               .when(new ArchiveSeasonCommand(ID, true))
               .expectNoEvents();
    }

    @Test
    void anArchivedSeasonCannotBeChanged() {
        fixture.given(created(false, false), archived())
               .when(new ChangeSeasonCommand(ID, "Other title", null, null, null, null, null))
               .expectException(Refusals.conflict("season-archived"))
               .expectNoEvents();
        fixture.given(created(false, false), archived())
               .when(new ChangeSeasonCommand(ID, null, null, null, true, null, null))
               .expectException(Refusals.conflict("season-archived"))
               .expectNoEvents();
    }

    @Test
    void anArchivedSeasonRecordsNoPartition() {
        fixture.given(created(false, false), archived())
               .when(new RecordSeasonPartitionCommand(ID, "p_season_2025"))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void completingTheArchiveMovesTheRowsWithTheEventThatRecordsIt() {
        storage.rows = 1234;
        fixture.given(created(false, false), archived())
               .when(new CompleteSeasonArchiveCommand(ID))
               .expectEvents(new SeasonTrackerArchivedEvent(ID, 1234, NOW))
               .expectResultMessagePayload(new SeasonArchiveState(ID, true, false, true, 1234));
        assertThat(storage.calls).containsExactly("move " + ID + " " + NOW);
    }

    @Test
    void completingTwiceMovesNothingMore() {
        fixture.given(created(false, false), archived(), new SeasonTrackerArchivedEvent(ID, 7, NOW))
               .when(new CompleteSeasonArchiveCommand(ID))
               .expectNoEvents()
               .expectResultMessagePayload(new SeasonArchiveState(ID, true, false, true, 7));
        assertThat(storage.calls).isEmpty();
    }

    @Test
    void onlyAnArchivedSeasonHasItsRowsMoved() {
        fixture.given(created(false, false))
               .when(new CompleteSeasonArchiveCommand(ID))
               .expectException(Refusals.conflict("season-not-archived"))
               .expectNoEvents();
        assertThat(storage.calls).isEmpty();
    }

    @Test
    void retentionFlagsArchivedRowsAndRecordsHowMany() {
        Instant cutoff = NOW.minusSeconds(1);
        storage.rows = 50;
        fixture.given(created(false, false), archived(), new SeasonTrackerArchivedEvent(ID, 50, NOW))
               .when(new FlagArchivedTrackerRowsCommand(ID, cutoff))
               .expectEvents(new ArchivedTrackerRowsFlaggedEvent(ID, cutoff, 50, NOW))
               .expectResultMessagePayload(50L);
        storage.rows = 0;
        fixture.given(created(false, false), archived(), new SeasonTrackerArchivedEvent(ID, 50, NOW))
               .when(new FlagArchivedTrackerRowsCommand(ID, cutoff)) // nothing new to flag: no event
               .expectNoEvents()
               .expectResultMessagePayload(0L);
    }

    @Test
    void retentionLeavesRowsThatAreNotArchivedYet() {
        fixture.given(created(false, false), archived())
               .when(new FlagArchivedTrackerRowsCommand(ID, LATER))
               .expectNoEvents()
               .expectResultMessagePayload(0L);
        assertThat(storage.calls).isEmpty();
    }

    @Test
    void deletingFlaggedRowsIsAnEvent() {
        storage.rows = 50;
        fixture.given(created(false, false), archived(), new SeasonTrackerArchivedEvent(ID, 50, NOW))
               .when(new DeleteFlaggedTrackerRowsCommand(ID))
               .expectEvents(new ArchivedTrackerRowsDeletedEvent(ID, 50, NOW))
               .expectResultMessagePayload(50L);
        assertThat(storage.calls).containsExactly("delete " + ID);
    }

    @Test
    void deletingFromASeasonThatIsNotArchivedIsRefused() {
        fixture.given(created(false, false))
               .when(new DeleteFlaggedTrackerRowsCommand(ID))
               .expectException(Refusals.conflict("season-not-archived"))
               .expectNoEvents();
    }

    @Test
    void deactivatingThenArchivingIsFine() {
        fixture.given(created(true, false), new SeasonDeactivatedEvent(ID))
               .when(new ArchiveSeasonCommand(ID, false))
               .expectEvents(new SeasonArchivedEvent(ID, NOW, false));
        fixture.given(created(false, false), new SeasonAutoArchiveEnabledEvent(ID))
               .when(new ArchiveSeasonCommand(ID, true))
               .expectEvents(new SeasonAutoArchiveDisabledEvent(ID), new SeasonArchivedEvent(ID, NOW, true));
    }

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

    /** The archive storage as these rules see it: what was asked, and how many rows each call reports. */
    private static final class RecordingStorage implements SeasonArchiveStorage {

        final List<String> calls = new ArrayList<>();
        long rows;

        @Override
        public void closeReviews(String seasonId) {
            calls.add("close " + seasonId);
        }

        @Override
        public long moveTrackerToArchive(String seasonId, Instant archivedAt) {
            calls.add("move " + seasonId + " " + archivedAt);
            return rows;
        }

        @Override
        public long flagArchivedBefore(String seasonId, Instant archivedBefore) {
            calls.add("flag " + seasonId + " " + archivedBefore);
            return rows;
        }

        @Override
        public long deleteFlagged(String seasonId) {
            calls.add("delete " + seasonId);
            return rows;
        }
    }
}
