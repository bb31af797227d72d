package com.memora.infra.export;

import com.memora.projection.export.pipeline.ExportLocks;
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
 * The export's cluster-wide locks as PostgreSQL advisory locks (decisions O1, O7). Each lock is a transaction-level
 * lock on a connection of its own, held open for as long as the lock: releasing is a rollback, and a node that dies
 * mid-build loses its session and with it the lock — no lease to tune against the length of a 5,000-lesson build,
 * and no lock left behind. Keys are {@code (class, hashtext(name))}; two plans whose names collide only serialize.
 */
@Component
class AdvisoryExportLocks implements ExportLocks {

    private static final Logger log = LoggerFactory.getLogger(AdvisoryExportLocks.class);
    /** The advisory lock class of the plan export ("MEX"); other features choose their own. */
    private static final int EXPORT_LOCK_CLASS = 0x4D4558;

    private final DataSource dataSource;

    AdvisoryExportLocks(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Optional<Held> tryLockPlan(String planId) {
        return tryLock("plan:" + planId);
    }

    @Override
    public Optional<Held> tryLockBatch() {
        return tryLock("batch");
    }

    private Optional<Held> tryLock(String name) {
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement(
                    "select pg_try_advisory_xact_lock(?, hashtext(?))")) {
                statement.setInt(1, EXPORT_LOCK_CLASS);
                statement.setString(2, name);
                try (ResultSet result = statement.executeQuery()) {
                    if (result.next() && result.getBoolean(1)) {
                        return Optional.of(new TransactionLock(name, connection));
                    }
                }
            }
            release(connection);
            return Optional.empty();
        } catch (SQLException e) {
            release(connection);
            throw new IllegalStateException("Could not take the export lock " + name + ": " + e.getMessage(), e);
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
            log.warn("Could not end an export lock's transaction cleanly: {}", e.toString());
        } finally {
            try {
                connection.close();
            } catch (SQLException e) {
                log.warn("Could not return an export lock's connection: {}", e.toString());
            }
        }
    }

    private record TransactionLock(String name, Connection connection) implements Held {

        @Override
        public void close() {
            release(connection);
        }
    }
}
