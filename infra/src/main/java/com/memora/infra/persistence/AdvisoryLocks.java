package com.memora.infra.persistence;

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
 * Cluster-wide locks as PostgreSQL advisory locks for work that may run long (a plan build, a full content scan).
 * Each lock is a transaction-level lock on a connection of its own, held open for as long as the lock: releasing is
 * a rollback, and a node that dies mid-work loses its session and with it the lock — no lease to size against the
 * length of the work, and no lock left behind. Keys are {@code (lockClass, hashtext(name))}: each feature picks its
 * own class, and two names that collide only serialize. A lock that is taken is not waited for.
 */
@Component
public class AdvisoryLocks {

    private static final Logger log = LoggerFactory.getLogger(AdvisoryLocks.class);

    private final DataSource dataSource;

    public AdvisoryLocks(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The lock, or empty when someone holds it. */
    public Optional<Held> tryLock(int lockClass, String name) {
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement(
                    "select pg_try_advisory_xact_lock(?, hashtext(?))")) {
                statement.setInt(1, lockClass);
                statement.setString(2, name);
                try (ResultSet result = statement.executeQuery()) {
                    if (result.next() && result.getBoolean(1)) {
                        return Optional.of(new Held(name, connection));
                    }
                }
            }
            release(name, connection);
            return Optional.empty();
        } catch (SQLException e) {
            release(name, connection);
            throw new IllegalStateException("Could not take the lock " + name + ": " + e.getMessage(), e);
        }
    }

    private static void release(String name, Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.rollback();
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            log.warn("Could not end the transaction of lock {} cleanly: {}", name, e.toString());
        } finally {
            try {
                connection.close();
            } catch (SQLException e) {
                log.warn("Could not return the connection of lock {}: {}", name, e.toString());
            }
        }
    }

    /** A held lock; closing releases it, once, from any thread (the lock belongs to the connection). */
    public static final class Held implements AutoCloseable {

        private final String name;
        private final Connection connection;
        private boolean released;

        private Held(String name, Connection connection) {
            this.name = name;
            this.connection = connection;
        }

        @Override
        public synchronized void close() {
            if (!released) {
                released = true;
                release(name, connection);
            }
        }
    }
}
