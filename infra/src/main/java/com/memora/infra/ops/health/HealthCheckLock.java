package com.memora.infra.ops.health;

import com.memora.infra.persistence.AdvisoryLocks;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * One content health check at a time in the whole cluster (decisions O7), whoever starts it: the scheduler (which
 * also holds its ShedLock) or an operator. A PostgreSQL advisory lock ({@link AdvisoryLocks}), like the export's: a node
 * that dies mid-scan loses it with its session, so no lease has to be sized against the length of a scan.
 */
@Component
public class HealthCheckLock {

    /** The advisory lock class of the content health checks ("MHC"). */
    private static final int LOCK_CLASS = 0x4D4843;

    private final AdvisoryLocks locks;

    HealthCheckLock(AdvisoryLocks locks) {
        this.locks = locks;
    }

    public Optional<AdvisoryLocks.Held> tryLock() {
        return locks.tryLock(LOCK_CLASS, "content-health-check");
    }
}
