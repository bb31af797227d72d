package com.memora.projection.export.pipeline;

import com.memora.kernel.ops.Alerts;
import com.memora.projection.export.staging.LocalContentStore;
import com.memora.projection.export.staging.LocalContentStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Applies the removals that trashes and deletes queued (decisions F8): the node's files (or a plan's folder) go
 * from the content root at once, not at the next batch. Runs right after the transaction that queued them commits,
 * and again at every batch for whatever failed.
 * <p>
 * Under the plan's lock, a removal that a finished build already covered is dropped unapplied: that build brought
 * the files in line with the change and later ones (a restore writes the file back), so deleting now would be
 * wrong. A removal that fails (permission denied) stays queued and raises an alert.
 */
@Component
public class RemovalApplier {

    private static final Logger log = LoggerFactory.getLogger(RemovalApplier.class);
    private static final int PLANS_PER_PASS = 1_000;

    private final PendingRemovals removals;
    private final PublicationStates states;
    private final ExportLocks locks;
    private final LocalContentStore store;
    private final ExportPublisher publisher;
    private final Alerts alerts;

    public RemovalApplier(PendingRemovals removals, PublicationStates states, ExportLocks locks,
                          LocalContentStore store, ExportPublisher publisher, Alerts alerts) {
        this.removals = removals;
        this.states = states;
        this.locks = locks;
        this.store = store;
        this.publisher = publisher;
        this.alerts = alerts;
    }

    /**
     * Applies the waiting removals of every plan whose lock is free; a plan being built is left to its build.
     *
     * @return how many files or folders were removed
     */
    public int applyAll() {
        int applied = 0;
        for (String planId : removals.plans(PLANS_PER_PASS)) {
            Optional<ExportLocks.Held> lock = locks.tryLockPlan(planId);
            if (lock.isEmpty()) {
                continue;
            }
            try (ExportLocks.Held held = lock.get()) {
                applied += applyLocked(planId);
            }
        }
        return applied;
    }

    /** The caller holds the plan's lock. */
    int applyLocked(String planId) {
        long covered = states.find(planId).map(PublicationState::coveredSeq).orElse(0L);
        List<Long> done = new ArrayList<>();
        List<Removal> applied = new ArrayList<>();
        List<PendingRemoval> toApply = new ArrayList<>();
        for (PendingRemoval pending : removals.of(planId)) {
            if (pending.changeSeq() <= covered) {
                done.add(pending.id());
            } else {
                toApply.add(pending);
            }
        }
        if (!toApply.isEmpty()) { // the CDN owes these removals even if this node stops right after the local ones
            publisher.owe(planId, List.of(), toApply.stream().map(PendingRemoval::removal).toList());
        }
        int removed = 0;
        for (PendingRemoval pending : toApply) {
            try {
                Removal removal = pending.removal();
                boolean gone = removal.directory() ? store.deleteDirectory(removal.path())
                                                   : store.delete(removal.path());
                done.add(pending.id());
                applied.add(removal); // the CDN may hold it even when the local copy was already gone
                removed += gone ? 1 : 0;
            } catch (LocalContentStoreException e) {
                log.warn("Could not remove {} of plan {}: {}", pending.removal().path(), planId, e.getMessage());
                ExportAlerts.removalFailed(alerts, planId, e.getMessage());
            }
        }
        removals.delete(done);
        if (!applied.isEmpty()) {
            publisher.removed(planId, applied);
        }
        return removed;
    }

    /** A build covered every change up to this mark: its removals are no longer needed. */
    void supersede(String planId, long upToSeq) {
        removals.supersede(planId, upToSeq);
    }
}
