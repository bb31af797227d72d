package com.memora.infra.export;

import com.memora.infra.persistence.AdvisoryLocks;
import com.memora.projection.export.pipeline.ExportLocks;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * The export's cluster-wide locks as PostgreSQL advisory locks (decisions O1, O7). Each lock is a transaction-level
 * lock on a connection of its own, held open for as long as the lock: releasing is a rollback, and a node that dies
 * mid-build loses its session and with it the lock — no lease to tune against the length of a 5,000-lesson build,
 * and no lock left behind. Keys are {@code (class, hashtext(name))}; two plans whose names collide only serialize.
 */
@Component
class AdvisoryExportLocks implements ExportLocks {

    /** The advisory lock class of the plan export ("MEX"); other features choose their own. */
    private static final int EXPORT_LOCK_CLASS = 0x4D4558;

    private final AdvisoryLocks locks;

    AdvisoryExportLocks(AdvisoryLocks locks) {
        this.locks = locks;
    }

    @Override
    public Optional<Held> tryLockPlan(String planId) {
        return tryLock("plan:" + planId);
    }

    @Override
    public Optional<Held> tryLockBatch() {
        return tryLock("batch");
    }

    @Override
    public Optional<Held> tryLockPurge() {
        return tryLock("purge");
    }

    private Optional<Held> tryLock(String name) {
        return locks.tryLock(EXPORT_LOCK_CLASS, name).map(held -> held::close);
    }
}
