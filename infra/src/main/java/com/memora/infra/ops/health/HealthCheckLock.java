package com.memora.infra.ops.health;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * One content health check at a time in the whole cluster (decisions O7), whoever starts it: the scheduler (which
 * also holds its ShedLock) or an operator. A PostgreSQL advisory lock held by an open transaction on a connection
 * of its own, like the export's locks: a node that dies mid-scan loses its session and with it the lock, so no
 * lease has to be sized against the length of a scan. A lock that is taken is not waited for.
 */
@Component
class HealthCheckLock {

    private static final Logger log = LoggerFactory.getLogger(HealthCheckLock.class);
    /** The advisory lock class of the content health checks ("MHC"). */
    private static final int LOCK_CLASS = 0x4D4843;

    private final DataSource dataSource;

    HealthCheckLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    Optional<Held> tryLock() {
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement("select pg_try_advisory_xact_lock(?, 1)")) {
                statement.setInt(1, LOCK_CLASS);
                try (ResultSet result = statement.executeQuery()) {
                    if (result.next() && result.getBoolean(1)) {
                        return Optional.of(new Held(connection));
                    }
                }
            }
            release(connection);
            return Optional.empty();
        } catch (SQLException e) {
            release(connection);
            throw new IllegalStateException("Could not take the content health check lock: " + e.getMessage(), e);
        }
    }

    private static void release(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.rollback();
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            log.warn("Could not end the health check lock's transaction cleanly: {}", e.toString());
        } finally {
            try {
                connection.close();
            } catch (SQLException e) {
                log.warn("Could not return the health check lock's connection: {}", e.toString());
            }
        }
    }

    /** The held lock; closing releases it (from any thread: the lock belongs to the connection). */
    static final class Held implements AutoCloseable {

        private final Connection connection;
        private boolean released;

        private Held(Connection connection) {
            this.connection = connection;
        }

        @Override
        public synchronized void close() {
            if (!released) {
                released = true;
                release(connection);
            }
        }
    }
}
