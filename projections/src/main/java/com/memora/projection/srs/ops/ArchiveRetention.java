package com.memora.projection.srs.ops;

import com.memora.kernel.error.NotFoundException;
import com.memora.kernel.season.DeleteFlaggedTrackerRowsCommand;
import com.memora.kernel.season.FlagArchivedTrackerRowsCommand;
import com.memora.kernel.season.SeasonRegistry;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Retention of archived tracker rows (domain §12.6): they are kept at least 1,095 days; a weekly job flags older
 * ones as eligible for deletion, and only an administrator's confirmed request deletes flagged rows (all seasons or
 * one). Flags and deletions are season events, stored in the transaction that changes the rows, so the record of
 * them is kept for good and no replay brings deleted rows back (decisions S5).
 */
@Component
public class ArchiveRetention {

    private static final Logger log = LoggerFactory.getLogger(ArchiveRetention.class);

    private final CommandGateway commands;
    private final SeasonArchiveQueries archive;
    private final SeasonRegistry seasons;
    private final SrsOperationsSettings settings;
    private final Clock clock;

    public ArchiveRetention(CommandGateway commands, SeasonArchiveQueries archive, SeasonRegistry seasons,
                            SrsOperationsSettings settings, Clock clock) {
        this.commands = commands;
        this.archive = archive;
        this.seasons = seasons;
        this.settings = settings;
        this.clock = clock;
    }

    /** Flags the archived rows older than the retention period; running it again flags nothing new. */
    public FlagResult flagExpired() {
        Instant cutoff = clock.instant().minus(settings.archiveRetention());
        Map<String, Long> flagged = new LinkedHashMap<>();
        for (String seasonId : archive.seasonsWithRowsToFlag(cutoff)) {
            long rows = commands.<Long>sendAndWait(new FlagArchivedTrackerRowsCommand(seasonId, cutoff));
            if (rows > 0) {
                flagged.put(seasonId, rows);
            }
        }
        long total = flagged.values().stream().mapToLong(Long::longValue).sum();
        log.info("Retention: {} archived rows archived before {} flagged as eligible for deletion {}", total, cutoff,
                 flagged);
        return new FlagResult(cutoff, total, flagged);
    }

    /**
     * Deletes the rows flagged as eligible for deletion, of one season or of all.
     *
     * @throws NotFoundException for an unknown season
     * @throws com.memora.kernel.error.ConflictException for a season that is not archived
     */
    public DeletionResult deleteFlagged(String seasonIdOrNull) {
        List<String> targets;
        if (seasonIdOrNull != null) {
            seasons.find(seasonIdOrNull).orElseThrow(() -> new NotFoundException("season", seasonIdOrNull));
            targets = List.of(seasonIdOrNull);
        } else {
            targets = archive.seasonsWithFlaggedRows();
        }
        Map<String, Long> deleted = new LinkedHashMap<>();
        for (String seasonId : targets) {
            long rows = commands.<Long>sendAndWait(new DeleteFlaggedTrackerRowsCommand(seasonId));
            if (rows > 0) {
                deleted.put(seasonId, rows);
            }
        }
        long total = deleted.values().stream().mapToLong(Long::longValue).sum();
        log.info("Retention: {} flagged archived rows deleted {}", total, deleted);
        return new DeletionResult(total, deleted);
    }

    /** @param seasons rows flagged now, per season */
    public record FlagResult(Instant archivedBefore, long rowsFlagged, Map<String, Long> seasons) {
    }

    /** @param seasons rows deleted, per season */
    public record DeletionResult(long deletedCount, Map<String, Long> seasons) {
    }
}
