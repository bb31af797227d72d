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
}
