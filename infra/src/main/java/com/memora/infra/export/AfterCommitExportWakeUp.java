package com.memora.infra.export;

import com.memora.projection.export.pipeline.ExportBatch;
import com.memora.projection.export.pipeline.ExportWakeUp;
import com.memora.projection.export.pipeline.RemovalApplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Acts on recorded marks and removals once their transaction has committed: applies the removals at once
 * (decisions F8) and, unless switched off, runs the batch if one is due (O1: the threshold reached, or the interval
 * already passed). The work runs on one background thread with room for one more request, so a burst of commits
 * becomes at most one run after the current one, and the content processor never waits for a build.
 */
@Component
class AfterCommitExportWakeUp implements ExportWakeUp, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AfterCommitExportWakeUp.class);

    private final ObjectProvider<RemovalApplier> removals;
    private final ObjectProvider<ExportBatch> batch;
    private final boolean runOnChange;
    private final ThreadPoolExecutor worker;
    /** Marks a transaction that already asked for a wake-up, so one commit wakes the pipeline once. */
    private final Object transactionKey = new Object();

    /** The pipeline's beans come lazily: they depend, through the event processors, on this one. */
    AfterCommitExportWakeUp(ObjectProvider<RemovalApplier> removals, ObjectProvider<ExportBatch> batch,
                            ExportPipelineProperties properties) {
        this.removals = removals;
        this.batch = batch;
        this.runOnChange = properties.runOnChange();
        this.worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1), runnable -> {
            Thread thread = new Thread(runnable, "export-wake-up");
            thread.setDaemon(true);
            return thread;
        }, new ThreadPoolExecutor.DiscardPolicy());
    }

    @Override
    public void changesRecorded() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            wakeUp(false);
            return;
        }
        if (TransactionSynchronizationManager.hasResource(transactionKey)) {
            return;
        }
        TransactionSynchronizationManager.bindResource(transactionKey, Boolean.TRUE);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(transactionKey);
                if (status == STATUS_COMMITTED) {
                    wakeUp(false);
                }
            }
        });
    }

    /** An operator asked for a rebuild: run now, whatever the interval. */
    void rebuildRequested() {
        wakeUp(true);
    }

    private void wakeUp(boolean runNow) {
        if (worker.isShutdown()) {
            return;
        }
        worker.execute(() -> {
            try {
                removals.getObject().applyAll();
                if (runNow) {
                    batch.getObject().runNow();
                } else if (runOnChange) {
                    batch.getObject().runIfDue();
                }
            } catch (RuntimeException e) {
                // the marks and removals stay recorded: the next tick or wake-up does the work
                log.warn("Export wake-up failed; the scheduler will retry: {}", e.toString());
            }
        });
    }

    @Override
    public void destroy() throws InterruptedException {
        worker.shutdownNow();
        worker.awaitTermination(30, TimeUnit.SECONDS);
    }
}
