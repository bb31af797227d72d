package com.memora.infra.axon.deadletter;

import com.memora.kernel.ops.Alert;
import com.memora.kernel.ops.AlertSeverity;
import com.memora.kernel.ops.Alerts;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The alert for a processing group with parked events, one per group (de-duplicated by {@link Alerts} within its
 * window however often it is raised): when an event is parked, and on every dead-letter retry run while any are
 * left.
 */
@Component
public class ParkedEventAlerts {

    public static final String KIND = "events-parked";

    private final ObjectProvider<Alerts> alerts; // lazily: the queues that raise it are built with Axon's configuration

    ParkedEventAlerts(ObjectProvider<Alerts> alerts) {
        this.alerts = alerts;
    }

    /** An event of the group has just been parked. */
    void parked(String processingGroup, String eventType, String cause) {
        raise(processingGroup, "A " + eventType + " could not be handled by projection '" + processingGroup
                               + "' and is parked (" + cause + "). Later events of its sequence wait behind it"
                               + (processingGroup.equals("content") ? " (for content: every content event, so the "
                                                                      + "read model and the export stall)" : "")
                               + ". See GET /api/admin/dead-letters?group=" + processingGroup
                               + "; parked events are retried every minute.");
    }

    /** The group still has parked events after a retry run. */
    public void stillParked(String processingGroup, long parked) {
        raise(processingGroup, parked + " event(s) of projection '" + processingGroup + "' are still parked after "
                               + "a retry. See GET /api/admin/dead-letters?group=" + processingGroup + ".");
    }

    private void raise(String processingGroup, String message) {
        Alerts port = alerts.getIfAvailable();
        if (port != null) {
            port.raise(new Alert(KIND, AlertSeverity.CRITICAL, "Events parked in projection " + processingGroup,
                                 message, KIND + ":" + processingGroup));
        }
    }
}
