package com.memora.command.season;

/** Port to the season registry's storage, written only by {@link SeasonRegistryUpdater}. */
public interface SeasonRegistryWriter {

    void registered(String seasonId, boolean active, boolean enableRedis);

    /**
     * Marks the season active or not. Activating a season while another is still active fails with an
     * {@code org.axonframework.modelling.command.ConcurrencyException} (the unique index lost a race), which rolls
     * the whole command back for a retry.
     */
    void activeChanged(String seasonId, boolean active);

    void reviewCacheChanged(String seasonId, boolean enableRedis);

    void partitionCreated(String seasonId);

    /**
     * Closes the season's reviews (decisions S6). Waits for the reviews of the season being stored at this moment
     * to commit, and makes those arriving meanwhile wait for this transaction: no review of the season is stored
     * after its archive (see {@code com.memora.command.srs.ReviewSeasonGate}).
     */
    void archived(String seasonId);

    /** The season's tracker rows are in the archive: the tracker projection skips it from now on (S5). */
    void trackerArchived(String seasonId);
}
