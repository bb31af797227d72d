package com.memora.projection.export.pipeline;

import com.memora.kernel.ops.Alert;
import com.memora.kernel.ops.AlertSeverity;
import com.memora.kernel.ops.Alerts;
import com.memora.projection.export.staging.InsufficientDiskSpaceException;

import java.util.Locale;

/** The alerts of the export pipeline, with stable kinds and keys so repeats are de-duplicated, not stormed. */
final class ExportAlerts {

    static final String LOW_DISK = "low-disk";
    static final String LOW_DISK_KEY = LOW_DISK + ":export";
    static final String BUILD_FAILED = "export-build-failed";
    static final String REMOVAL_FAILED = "export-removal-failed";

    private ExportAlerts() {
    }

    /** Decisions O5: generation pauses, plans stay pending, admins hear of it once per window. */
    static void lowDisk(Alerts alerts, InsufficientDiskSpaceException e) {
        alerts.raise(new Alert(LOW_DISK, AlertSeverity.CRITICAL, "content root",
                               e.getMessage() + ". Plan builds are paused and resume by themselves once space is"
                               + " back; pending plans stay queued.", LOW_DISK_KEY,
                               String.format(Locale.ROOT, "[Memora] Low Disk Space Warning: %.1f%% remaining",
                                             e.space().freePercent())));
    }

    static void buildFailed(Alerts alerts, String planId, String error) {
        alerts.raise(Alert.of(BUILD_FAILED, AlertSeverity.WARNING, planId,
                              "The build of plan " + planId + " failed: " + error
                              + ". Its previous files stay published; the next change of the plan builds it again."));
    }

    static void removalFailed(Alerts alerts, String planId, String error) {
        alerts.raise(Alert.of(REMOVAL_FAILED, AlertSeverity.WARNING, planId,
                              "Files of plan " + planId + " could not be removed: " + error
                              + ". The removal is retried at the next batch."));
    }
}
