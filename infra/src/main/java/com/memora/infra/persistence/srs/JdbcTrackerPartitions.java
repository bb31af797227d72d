package com.memora.infra.persistence.srs;

import com.memora.projection.srs.SeasonTrackerArchivedException;
import com.memora.projection.srs.TrackerPartitions;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Creates a season's partition of {@code srs_tracker} at run time (decisions S5). Idempotent: an existing partition
 * is success, also when another node created it a moment earlier. A table of that name that is not a partition of
 * the tracker is an error to alert about, never silently "existing". The DDL runs in a savepoint of the caller's
 * transaction (or its own), so a failure leaves that transaction usable.
 */
@Component
class JdbcTrackerPartitions implements TrackerPartitions {

    private static final String DUPLICATE_TABLE = "42P07";
    private static final String UNIQUE_VIOLATION = "23505"; // two creators racing on the catalog

    private final JdbcClient jdbc;
    private final TransactionTemplate savepoint;
    /** Seasons whose partition this node has seen; a dropped partition is noticed by the writer and forgotten. */
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    JdbcTrackerPartitions(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    @Override
    public String ensure(String seasonId) {
        String name = TrackerPartitionNames.of(seasonId);
        if (known.contains(seasonId)) {
            return name;
        }
        try {
            savepoint.executeWithoutResult(status -> createUnlessPresent(seasonId, name));
        } catch (DataAccessException e) {
            if (!isRace(e)) {
                throw e;
            }
            requirePartition(seasonId, name); // another node created it between our check and our CREATE
        }
        known.add(seasonId);
        return name;
    }

    /** The writer found the partition gone (dropped by hand, or archived meanwhile): check again next time. */
    void forget(String seasonId) {
        known.remove(seasonId);
    }

    private void createUnlessPresent(String seasonId, String name) {
        if (trackerArchived(seasonId)) {
            throw new SeasonTrackerArchivedException(seasonId); // its partition was dropped for good
        }
        if (parentOf(name).isEmpty()) {
            jdbc.sql("create table " + quoted(name) + " partition of " + TrackerPartitionNames.PARENT
                     + " for values in ('" + seasonId + "')").update();
        }
        requirePartition(seasonId, name);
    }

    private void requirePartition(String seasonId, String name) {
        Optional<String> parent = parentOf(name);
        if (parent.isEmpty()) {
            throw new IllegalStateException("partition " + name + " of season " + seasonId + " does not exist");
        }
        if (!parent.get().equals(TrackerPartitionNames.PARENT)) {
            throw new IllegalStateException("a table named " + name + " exists but is not a partition of "
                                            + TrackerPartitionNames.PARENT + "; rename or drop it");
        }
    }

    /** The season's rows were moved to the archive and its partition dropped (decisions S5). */
    boolean trackerArchived(String seasonId) {
        return jdbc.sql("select tracker_archived from season_registry where season_id = ?").param(seasonId)
                   .query(Boolean.class).optional().orElse(false);
    }

    /** The table's parent ("" when the table exists but is no partition); empty when no such table exists. */
    private Optional<String> parentOf(String name) {
        return jdbc.sql("""
                        select coalesce(parent.relname, '') from pg_class child
                        left join pg_inherits inheritance on inheritance.inhrelid = child.oid
                        left join pg_class parent on parent.oid = inheritance.inhparent
                        where child.relname = ? and child.relnamespace = to_regnamespace(current_schema())
                        """)
                   .param(name).query(String.class).optional();
    }

    private static boolean isRace(DataAccessException e) {
        return NestedExceptionUtils.getMostSpecificCause(e) instanceof SQLException sql
               && (DUPLICATE_TABLE.equals(sql.getSQLState()) || UNIQUE_VIOLATION.equals(sql.getSQLState()));
    }

    private static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
