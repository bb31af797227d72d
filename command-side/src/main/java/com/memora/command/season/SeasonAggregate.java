package com.memora.command.season;

import com.memora.kernel.error.ConflictException;
import com.memora.kernel.error.FieldProblem;
import com.memora.kernel.error.InvalidInputException;
import com.memora.kernel.id.AggregateIds;
import com.memora.kernel.season.ArchiveSeasonCommand;
import com.memora.kernel.season.ArchivedTrackerRowsDeletedEvent;
import com.memora.kernel.season.ArchivedTrackerRowsFlaggedEvent;
import com.memora.kernel.season.ChangeSeasonCommand;
import com.memora.kernel.season.CompleteSeasonArchiveCommand;
import com.memora.kernel.season.CreateSeasonCommand;
import com.memora.kernel.season.DeleteFlaggedTrackerRowsCommand;
import com.memora.kernel.season.FlagArchivedTrackerRowsCommand;
import com.memora.kernel.season.SeasonActivatedEvent;
import com.memora.kernel.season.SeasonArchiveState;
import com.memora.kernel.season.SeasonArchivedEvent;
import com.memora.kernel.season.SeasonAutoArchiveDisabledEvent;
import com.memora.kernel.season.SeasonAutoArchiveEnabledEvent;
import com.memora.kernel.season.SeasonCreatedEvent;
import com.memora.kernel.season.SeasonDeactivatedEvent;
import com.memora.kernel.season.SeasonDetailsChangedEvent;
import com.memora.kernel.season.RecordSeasonPartitionCommand;
import com.memora.kernel.season.SeasonPartitionCreatedEvent;
import com.memora.kernel.season.SeasonReviewCacheDisabledEvent;
import com.memora.kernel.season.SeasonReviewCacheEnabledEvent;
import com.memora.kernel.season.SeasonTrackerArchivedEvent;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A season: the period that groups plans and reviews (decisions S1). One aggregate per season; the rule that at most
 * one season is active spans seasons and is enforced outside this class: {@link SeasonCommandHandler} creates and
 * changes seasons, deactivating the active one when another is activated, and the season registry's unique index
 * refuses a second active season in the same transaction.
 * <p>
 * Archiving (decisions S5, S6) is two steps: {@link ArchiveSeasonCommand} closes the season's reviews at once
 * ({@link SeasonArchivedEvent}); {@link CompleteSeasonArchiveCommand} later moves its tracker rows to the archive in
 * the transaction that stores {@link SeasonTrackerArchivedEvent}. Retention flags and deletes archived rows through
 * events too, so the record of what happened to them outlives any table. An archived season never changes again.
 */
@Aggregate
public class SeasonAggregate {

    @AggregateIdentifier
    private String id;
    private String seasonId;
    private String title;
    private LocalDate startDate;
    private LocalDate endDate;
    private boolean active;
    private boolean enableRedis;
    private boolean autoArchive;
    private String partitionName;
    private boolean archived;
    private boolean trackerArchived;
    private long recordsArchived;

    protected SeasonAggregate() {
        // required by Axon to rebuild the aggregate from its events
    }

    /** Created through {@link SeasonCommandHandler}, which first deactivates the active season if this one is. */
    SeasonAggregate(CreateSeasonCommand command) {
        SeasonRules.requireValidId(command.seasonId());
        SeasonRules.requireTitle(command.title());
        SeasonRules.requireDates(command.startDate(), command.endDate());
        SeasonRules.requireAutoArchiveOnlyWhenInactive(command.active(), command.autoArchive());
        apply(new SeasonCreatedEvent(command.seasonId(), command.title().strip(), command.startDate(),
                                     command.endDate(), command.active(), command.enableRedis(),
                                     command.autoArchive()));
    }

    /** Applies only what actually changes, so a repeated PATCH adds no events. */
    void change(ChangeSeasonCommand command) {
        requireChangeable();
        String newTitle = command.title() == null ? title : command.title().strip();
        LocalDate newStart = orElse(command.startDate(), startDate);
        LocalDate newEnd = orElse(command.endDate(), endDate);
        boolean newActive = orElse(command.active(), active);
        boolean newEnableRedis = orElse(command.enableRedis(), enableRedis);
        boolean newAutoArchive = orElse(command.autoArchive(), autoArchive);

        SeasonRules.requireTitle(newTitle);
        SeasonRules.requireDates(newStart, newEnd);
        SeasonRules.requireAutoArchiveOnlyWhenInactive(newActive, newAutoArchive);

        if (!newTitle.equals(title) || !newStart.equals(startDate) || !newEnd.equals(endDate)) {
            apply(new SeasonDetailsChangedEvent(seasonId, newTitle, newStart, newEnd));
        }
        // Deactivate before enabling auto-archive and disable auto-archive before activating, so that the
        // stream never shows an active season with auto-archive on, even between two events.
        if (active && !newActive) {
            apply(new SeasonDeactivatedEvent(seasonId));
        }
        if (autoArchive != newAutoArchive) {
            apply(newAutoArchive ? new SeasonAutoArchiveEnabledEvent(seasonId)
                                 : new SeasonAutoArchiveDisabledEvent(seasonId));
        }
        if (!active && newActive) {
            apply(new SeasonActivatedEvent(seasonId));
        }
        if (enableRedis != newEnableRedis) {
            apply(newEnableRedis ? new SeasonReviewCacheEnabledEvent(seasonId)
                                 : new SeasonReviewCacheDisabledEvent(seasonId));
        }
    }

    boolean isActive() {
        return active;
    }

    /** An archived season is closed for good: its dates, flags and activation are history (decisions S6). */
    void requireChangeable() {
        if (archived) {
            throw new ConflictException("season-archived",
                    "Season " + seasonId + " is archived and can no longer be changed");
        }
    }

    /**
     * Closes the season's reviews and review reads (decisions S6); its rows move to the archive afterwards. An
     * archive also ends {@code auto_archive}. A season already archived stays as it is, so asking again is how an
     * interrupted archive is finished.
     */
    @CommandHandler
    public SeasonArchiveState handle(ArchiveSeasonCommand command, SeasonArchiveStorage storage, Clock clock) {
        if (archived) {
            return archiveState(false);
        }
        if (active) {
            throw new ConflictException("season-active",
                    "Season " + seasonId + " is the active season and cannot be archived; activate another season "
                    + "or deactivate this one first");
        }
        if (command.automatic() && !(autoArchive && endDate.isBefore(LocalDate.now(clock)))) {
            return archiveState(false); // not due (any more): auto_archive turned off, or not ended yet
        }
        // before the event is stored: every review of the season then precedes it in the event store
        storage.closeReviews(seasonId);
        if (autoArchive) {
            apply(new SeasonAutoArchiveDisabledEvent(seasonId));
        }
        apply(new SeasonArchivedEvent(seasonId, clock.instant(), command.automatic()));
        return archiveState(true);
    }

    /**
     * Moves the archived season's tracker rows to the archive and drops its partition, in this command's
     * transaction, with the event that records it: the rows are moved if and only if the event is stored.
     */
    @CommandHandler
    public SeasonArchiveState handle(CompleteSeasonArchiveCommand command, SeasonArchiveStorage storage,
                                     Clock clock) {
        requireArchived();
        if (!trackerArchived) {
            Instant at = clock.instant();
            apply(new SeasonTrackerArchivedEvent(seasonId, storage.moveTrackerToArchive(seasonId, at), at));
        }
        return archiveState(false);
    }

    /** @return rows flagged now (0 when none were due, or the rows are not archived yet) */
    @CommandHandler
    public long handle(FlagArchivedTrackerRowsCommand command, SeasonArchiveStorage storage, Clock clock) {
        if (!trackerArchived) {
            return 0;
        }
        long flagged = storage.flagArchivedBefore(seasonId, command.archivedBefore());
        if (flagged > 0) {
            apply(new ArchivedTrackerRowsFlaggedEvent(seasonId, command.archivedBefore(), flagged,
                                                      clock.instant()));
        }
        return flagged;
    }

    /** @return rows deleted now; only rows retention flagged are ever deleted */
    @CommandHandler
    public long handle(DeleteFlaggedTrackerRowsCommand command, SeasonArchiveStorage storage, Clock clock) {
        requireArchived();
        if (!trackerArchived) {
            return 0;
        }
        long deleted = storage.deleteFlagged(seasonId);
        if (deleted > 0) {
            apply(new ArchivedTrackerRowsDeletedEvent(seasonId, deleted, clock.instant()));
        }
        return deleted;
    }

    private void requireArchived() {
        if (!archived) {
            throw new ConflictException("season-not-archived",
                    "Season " + seasonId + " is not archived; archive it first (POST /api/admin/srs/seasons/"
                    + seasonId + "/archive)");
        }
    }

    private SeasonArchiveState archiveState(boolean archivedNow) {
        return new SeasonArchiveState(seasonId, archived, archivedNow, trackerArchived, recordsArchived);
    }

    /** Another season became the active one (decisions S1: at most one is). */
    void deactivateFor(String activatedSeasonId) {
        if (active) {
            apply(new SeasonDeactivatedEvent(seasonId, activatedSeasonId));
        }
    }

    /** Records the tracker partition once; a repeat (a redelivered event, another node) adds nothing. */
    @CommandHandler
    public void handle(RecordSeasonPartitionCommand command) {
        if (partitionName == null && !archived) {
            apply(new SeasonPartitionCreatedEvent(seasonId, command.partitionName()));
        }
    }

    @EventSourcingHandler
    void on(SeasonCreatedEvent event) {
        id = AggregateIds.season(event.seasonId());
        seasonId = event.seasonId();
        title = event.title();
        startDate = event.startDate();
        endDate = event.endDate();
        active = event.active();
        enableRedis = event.enableRedis();
        autoArchive = event.autoArchive();
    }

    @EventSourcingHandler
    void on(SeasonDetailsChangedEvent event) {
        title = event.title();
        startDate = event.startDate();
        endDate = event.endDate();
    }

    @EventSourcingHandler
    void on(SeasonActivatedEvent event) {
        active = true;
    }

    @EventSourcingHandler
    void on(SeasonDeactivatedEvent event) {
        active = false;
    }

    @EventSourcingHandler
    void on(SeasonReviewCacheEnabledEvent event) {
        enableRedis = true;
    }

    @EventSourcingHandler
    void on(SeasonReviewCacheDisabledEvent event) {
        enableRedis = false;
    }

    @EventSourcingHandler
    void on(SeasonPartitionCreatedEvent event) {
        partitionName = event.partitionName();
    }

    @EventSourcingHandler
    void on(SeasonAutoArchiveEnabledEvent event) {
        autoArchive = true;
    }

    @EventSourcingHandler
    void on(SeasonAutoArchiveDisabledEvent event) {
        autoArchive = false;
    }

    @EventSourcingHandler
    void on(SeasonArchivedEvent event) {
        archived = true;
    }

    @EventSourcingHandler
    void on(SeasonTrackerArchivedEvent event) {
        trackerArchived = true;
        recordsArchived = event.recordsArchived();
    }

    private static <T> T orElse(T value, T fallback) {
        return Objects.requireNonNullElse(value, fallback);
    }

    /** The season's rules ({@link com.memora.kernel.season.SeasonRules}), each refusal with its problem type. */
    static final class SeasonRules {

        private SeasonRules() {
        }

        static void requireValidId(String seasonId) {
            refuse("season-id", com.memora.kernel.season.SeasonRules.idProblem(seasonId));
        }

        static void requireTitle(String title) {
            refuse("season-title", com.memora.kernel.season.SeasonRules.titleProblem(title));
        }

        static void requireDates(LocalDate start, LocalDate end) {
            refuse("season-dates", com.memora.kernel.season.SeasonRules.datesProblem(start, end));
        }

        static void requireAutoArchiveOnlyWhenInactive(boolean active, boolean autoArchive) {
            refuse("season-auto-archive",
                   com.memora.kernel.season.SeasonRules.autoArchiveProblem(active, autoArchive));
        }

        private static void refuse(String problemType, Optional<FieldProblem> problem) {
            problem.ifPresent(found -> {
                throw new InvalidInputException(problemType, found.field(), found.message());
            });
        }
    }
}
