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
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Acts on recorded marks and removals once their transaction has committed. Removals go to their own thread and
 * are applied at once (decisions F8): a long batch run never holds back a trashed lesson's deletion. The batch runs
 * on a second thread when one is due (O1: the threshold reached, or the interval already passed), or at once when an
 * operator asked. Each thread has room for one more request, so a burst of commits becomes at most one more pass
 * after the current one (a waiting pass sees every later change), and the content processor never waits.
 */
@Component
class AfterCommitExportWakeUp implements ExportWakeUp, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AfterCommitExportWakeUp.class);

    private final ObjectProvider<RemovalApplier> removals;
    private final ObjectProvider<ExportBatch> batch;
    private final boolean runOnChange;
    private final ThreadPoolExecutor removalWorker = coalescingWorker("export-removals");
    private final ThreadPoolExecutor batchWorker = coalescingWorker("export-wake-up");
    /** An operator's request survives being coalesced with an ordinary wake-up that is already waiting. */
    private final AtomicBoolean rebuildAsked = new AtomicBoolean();
    /** Marks a transaction that already asked for a wake-up, so one commit wakes the pipeline once. */
    private final Object transactionKey = new Object();

    /** The pipeline's beans come lazily: they depend, through the event processors, on this one. */
    AfterCommitExportWakeUp(ObjectProvider<RemovalApplier> removals, ObjectProvider<ExportBatch> batch,
                            ExportPipelineProperties properties) {
        this.removals = removals;
        this.batch = batch;
        this.runOnChange = properties.runOnChange();
    }

    @Override
    public void changesRecorded() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            wakeUp();
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
                    wakeUp();
                }
            }
        });
    }

    /**
     * An operator asked for a rebuild: run now, whatever the interval. If another run holds the batch, the manual
     * mark is itself due, so the next run or tick builds it.
     */
    void rebuildRequested() {
        rebuildAsked.set(true);
        submit(batchWorker, this::runBatch);
    }

    private void wakeUp() {
        submit(removalWorker, () -> removals.getObject().applyAll());
        if (runOnChange) {
            submit(batchWorker, this::runBatch);
        }
    }

    private void runBatch() {
        if (rebuildAsked.getAndSet(false)) {
            batch.getObject().runNow();
        } else {
            batch.getObject().runIfDue();
        }
    }

    private static void submit(ThreadPoolExecutor worker, Runnable work) {
        if (worker.isShutdown()) {
            return;
        }
        worker.execute(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                // the marks and removals stay recorded: the next tick or wake-up does the work
                log.warn("Export wake-up failed; the scheduler will retry: {}", e.toString());
            }
        });
    }

    /** One thread, one waiting request; more requests while one waits add nothing, so they are dropped. */
    private static ThreadPoolExecutor coalescingWorker(String name) {
        return new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1), runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        }, new ThreadPoolExecutor.DiscardPolicy());
    }

    @Override
    public void destroy() throws InterruptedException {
        removalWorker.shutdownNow();
        batchWorker.shutdownNow();
        removalWorker.awaitTermination(30, TimeUnit.SECONDS);
        batchWorker.awaitTermination(30, TimeUnit.SECONDS);
    }
}
