package com.memora.projection.season;

import java.util.List;
import java.util.Optional;

/** Port to the season read table. */
public interface SeasonViewStore {

    /**
     * Stores the row as of the aggregate's event {@code sequence}. A row already at that sequence or later is
     * left alone, so a redelivered or replayed event changes nothing.
     */
    void save(SeasonView view, long sequence);

    Optional<SeasonView> find(String seasonId);

    /** Newest start date first, then by id. */
    List<SeasonView> findAll();

    void deleteAll();
}
