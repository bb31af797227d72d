package com.memora.projection.export.pipeline;

import com.memora.kernel.ops.Alert;
import com.memora.kernel.ops.AlertSeverity;
import com.memora.kernel.ops.Alerts;
import com.memora.projection.export.staging.DiskSpace;
import com.memora.projection.export.staging.InsufficientDiskSpaceException;
import com.memora.projection.export.staging.LocalContentStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

/**
 * Watches the free space of the content root's volume (decisions O5). Called every minute by the scheduler (and by
 * every content health check): below the minimum the administrators get the {@code low-disk} alert — in-app and by
 * mail, with a reminder once per de-duplication window while it lasts — and generation pauses: the batch processor shows
 * the reason ({@code paused_reason}) and builds nothing, plans stay pending. Once space is back above the minimum,
 * the pause ends by itself, the low-disk episode is closed (a relapse is mailed again at once), a
 * {@code low-disk-recovered} notice goes out and the pipeline is woken so the waiting
 * plans are built without waiting for the next tick.
 * <p>
 * Only a low-disk pause is ended here; a replay's pause is the batch processor's own (R2).
 */
@Component
public class DiskWatch {

    public static final String LOW_DISK = ExportAlerts.LOW_DISK;
    public static final String RECOVERED = "low-disk-recovered";
    private static final String RECOVERED_KEY = RECOVERED + ":export";
    private static final Logger log = LoggerFactory.getLogger(DiskWatch.class);

    private final LocalContentStore store;
    private final BatchState batchState;
    private final Alerts alerts;
    private final ExportWakeUp wakeUp;
    private final Clock clock;

    public DiskWatch(LocalContentStore store, BatchState batchState, Alerts alerts, ExportWakeUp wakeUp, Clock clock) {
        this.store = store;
        this.batchState = batchState;
        this.alerts = alerts;
        this.wakeUp = wakeUp;
        this.clock = clock;
    }

    /** Measures the volume now and pauses or resumes generation accordingly. */
    public DiskCheck check() {
        DiskSpace space = store.diskSpace();
        double minimum = store.minimumFreePercent();
        Instant now = clock.instant();
        if (space.freePercent() < minimum) {
            InsufficientDiskSpaceException low = new InsufficientDiskSpaceException(null, space, minimum);
            ExportAlerts.lowDisk(alerts, low);
            alerts.resolve(RECOVERED_KEY); // the next recovery is news again
            batchState.paused(low.getMessage(), now);
            return new DiskCheck(space, minimum, false, true, now);
        }
        boolean pausedForLowDisk = isLowDiskPause(batchState.read().pausedReason());
        if (pausedForLowDisk) {
            batchState.resumed();
        }
        // The open low-disk episode, not the pause, says whether this is a recovery: a batch tick that saw space back
        // first has already lifted the pause. Resolved, a relapse is mailed at once, not folded into this episode.
        if (alerts.resolve(ExportAlerts.LOW_DISK_KEY) || pausedForLowDisk) {
            String message = String.format(Locale.ROOT, "Free disk is back above %.1f%%: %s. Plan builds have"
                                                        + " resumed by themselves.", minimum, space.describe());
            log.info(message);
            alerts.raise(new Alert(RECOVERED, AlertSeverity.INFO, "content root", message, RECOVERED_KEY));
            wakeUp.changesRecorded();
        }
        return new DiskCheck(space, minimum, true, false, now);
    }

    /** Whether a pause reason of the batch processor is a low-disk one (not a replay's). */
    public static boolean isLowDiskPause(String pausedReason) {
        return pausedReason != null && pausedReason.startsWith(InsufficientDiskSpaceException.MESSAGE_PREFIX);
    }

    /**
     * @param ok     free space is at or above the minimum: files may be written
     * @param paused generation is paused for lack of space
     */
    public record DiskCheck(DiskSpace space, double minimumFreePercent, boolean ok, boolean paused,
                            Instant checkedAt) {

        /** 0–100, two decimals. */
        public double freePercent() {
            return Math.round(space.freePercent() * 100) / 100.0;
        }
    }
}
