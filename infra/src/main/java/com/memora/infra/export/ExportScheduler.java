package com.memora.infra.export;

import com.memora.projection.export.pipeline.BatchRun;
import com.memora.projection.export.pipeline.ExportBatch;
import com.memora.projection.export.pipeline.PlanBuildOutcome;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Asks the batch processor every tick whether a run is due (decisions O1), on one node of the cluster at a time
 * (ShedLock; the processor also holds a cluster-wide lock while it runs, since wake-ups after commits run it too).
 * Off with the other scheduled jobs ({@code memora.scheduling.enabled=false}, as in tests, which call
 * {@link ExportBatch} themselves).
 */
@Component
@ConditionalOnProperty(name = "memora.scheduling.enabled", havingValue = "true", matchIfMissing = true)
class ExportScheduler {

    private static final Logger log = LoggerFactory.getLogger(ExportScheduler.class);

    private final ExportBatch batch;

    ExportScheduler(ExportBatch batch) {
        this.batch = batch;
    }

    @Scheduled(fixedDelayString = "${memora.export.batch.tick:PT15S}",
               initialDelayString = "${memora.export.batch.tick:PT15S}")
    @SchedulerLock(name = "export-batch", lockAtMostFor = "PT30M")
    void tick() {
        BatchRun run = batch.runIfDue();
        if (run.result() == BatchRun.Result.RAN) {
            log.info("Export batch ({}): {} plan(s) built, {} failed, {} locked", run.trigger(),
                     run.count(PlanBuildOutcome.Kind.BUILT),
                     run.count(PlanBuildOutcome.Kind.FAILED),
                     run.count(PlanBuildOutcome.Kind.LOCKED));
        }
    }
}
