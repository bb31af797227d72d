package com.memora.infra.testsupport;

import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;

import static org.awaitility.Awaitility.await;

/**
 * Row locks held by a transaction of the test's own, to stop a command at a known point and let a concurrent one
 * run meanwhile: a race played out in a fixed order instead of hoped for. Closing rolls the transaction back.
 */
public final class HeldLock implements AutoCloseable {

    private final Connection connection;

    private HeldLock(Connection connection) {
        this.connection = connection;
    }

    /** Runs the statement (a {@code select … for update}, an insert…) in a new transaction that stays open. */
    public static HeldLock take(DataSource dataSource, String sql, Object... params) {
        try {
            Connection connection = dataSource.getConnection();
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < params.length; i++) {
                    statement.setObject(i + 1, params[i]);
                }
                statement.execute();
            }
            return new HeldLock(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not take the lock: " + sql, e);
        }
    }

    /** Until this many other sessions wait for a lock in a statement that contains the fragment. */
    public static void awaitWaiting(JdbcClient jdbc, int sessions, String statementFragment) {
        await().atMost(Duration.ofSeconds(20)).until(() -> waiting(jdbc, statementFragment) >= sessions);
    }

    public static long waiting(JdbcClient jdbc, String statementFragment) {
        return jdbc.sql("""
                        select count(*) from pg_stat_activity
                        where wait_event_type = 'Lock' and position(lower(?) in lower(query)) > 0
                        """).param(statementFragment).query(Long.class).single();
    }

    @Override
    public void close() {
        try (connection) {
            connection.rollback();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not release the lock", e);
        }
    }
}
