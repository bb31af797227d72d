package com.memora.infra.persistence.season;

import com.memora.command.season.SeasonRegistryWriter;
import com.memora.kernel.season.SeasonRegistry;
import com.memora.kernel.season.SeasonStatus;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.Optional;

/**
 * The season registry table ({@code V5_0__season_registry.sql}). Writes join the transaction of the command whose
 * events they follow (the subscribing processor runs inside its unit of work).
 */
@Repository
class JdbcSeasonRegistry implements SeasonRegistry, SeasonRegistryWriter {

    private static final RowMapper<SeasonStatus> ROW = (rs, row) -> new SeasonStatus(
            rs.getString("season_id"),
            rs.getBoolean("active"),
            rs.getBoolean("enable_redis"),
            rs.getBoolean("archived"),
            rs.getBoolean("partition_created"),
            rs.getBoolean("tracker_archived"));

    private final JdbcClient jdbc;

    JdbcSeasonRegistry(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<SeasonStatus> find(String seasonId) {
        return jdbc.sql("select * from season_registry where season_id = ?").param(seasonId).query(ROW).optional();
    }

    @Override
    public Optional<SeasonStatus> active() {
        return jdbc.sql("select * from season_registry where active").query(ROW).optional();
    }

    @Override
    public void registered(String seasonId, boolean active, boolean enableRedis) {
        activating(seasonId, () -> jdbc.sql("""
                                            insert into season_registry (season_id, active, enable_redis)
                                            values (?, ?, ?)
                                            on conflict (season_id) do update
                                            set active = excluded.active, enable_redis = excluded.enable_redis
                                            """)
                                       .params(seasonId, active, enableRedis).update());
    }

    @Override
    public void activeChanged(String seasonId, boolean active) {
        activating(seasonId, () -> jdbc.sql("update season_registry set active = ? where season_id = ?")
                                       .params(active, seasonId).update());
    }

    @Override
    public void reviewCacheChanged(String seasonId, boolean enableRedis) {
        jdbc.sql("update season_registry set enable_redis = ? where season_id = ?").params(enableRedis, seasonId)
            .update();
    }

    @Override
    public void partitionCreated(String seasonId) {
        jdbc.sql("update season_registry set partition_created = true where season_id = ?").param(seasonId).update();
    }

    @Override
    public void archived(String seasonId) {
        SeasonReviewLock.exclusive(jdbc, seasonId);
        jdbc.sql("update season_registry set archived = true where season_id = ?").param(seasonId).update();
    }

    @Override
    public void trackerArchived(String seasonId) {
        jdbc.sql("update season_registry set tracker_archived = true where season_id = ?").param(seasonId).update();
    }

    /** A second active season violates the unique index: another activation committed first, so retry. */
    private static void activating(String seasonId, Runnable write) {
        try {
            write.run();
        } catch (DuplicateKeyException e) {
            throw new ConcurrencyException("Another season was activated at the same moment as " + seasonId, e);
        }
    }
}
