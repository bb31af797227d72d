package com.memora.command.season;

import com.memora.kernel.id.AggregateIds;
import com.memora.kernel.season.ChangeSeasonCommand;
import com.memora.kernel.season.CreateSeasonCommand;
import com.memora.kernel.season.SeasonRegistry;
import com.memora.kernel.season.SeasonStatus;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.common.lock.DeadlockException;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * Creates and changes seasons, keeping at most one active (decisions S1). Activating a season deactivates the
 * active one, as an event on that season, in the same unit of work and transaction; the registry that names the
 * active season is updated in that transaction too, and its unique index refuses a second active season. When two
 * activations race, the loser fails with a {@link ConcurrencyException}, and the command gateway retries it: the
 * retry reads the winner from the registry and deactivates it, so the last activation wins and no request ever
 * sees a conflict.
 */
@Component
public class SeasonCommandHandler {

    private final Repository<SeasonAggregate> seasons;
    private final SeasonRegistry registry;

    public SeasonCommandHandler(Repository<SeasonAggregate> seasons, SeasonRegistry registry) {
        this.seasons = seasons;
        this.registry = registry;
    }

    @CommandHandler
    public void handle(CreateSeasonCommand command) throws Exception {
        if (command.active()) {
            deactivateActiveSeasonOtherThan(command.seasonId());
        }
        seasons.newInstance(() -> new SeasonAggregate(command));
    }

    @CommandHandler
    public void handle(ChangeSeasonCommand command) {
        Aggregate<SeasonAggregate> season = load(command.seasonId());
        season.execute(SeasonAggregate::requireChangeable); // before another season is touched
        if (Boolean.TRUE.equals(command.active()) && !season.invoke(SeasonAggregate::isActive)) {
            deactivateActiveSeasonOtherThan(command.seasonId());
        }
        season.execute(aggregate -> aggregate.change(command));
    }

    private void deactivateActiveSeasonOtherThan(String seasonId) {
        registry.active()
                .map(SeasonStatus::seasonId)
                .filter(active -> !active.equals(seasonId))
                .ifPresent(active -> load(active).execute(aggregate -> aggregate.deactivateFor(seasonId)));
    }

    /**
     * Two editors activating two seasons at once lock them in opposite orders; the lock factory breaks the deadlock
     * by failing one, which is then retried like any other lost race.
     */
    private Aggregate<SeasonAggregate> load(String seasonId) {
        try {
            return seasons.load(AggregateIds.season(seasonId));
        } catch (DeadlockException e) {
            throw new ConcurrencyException("Season " + seasonId + " is being changed at the same moment", e);
        }
    }
}
