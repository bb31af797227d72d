package com.memora.projection.srs;

import com.memora.kernel.ops.Alert;
import com.memora.kernel.ops.AlertSeverity;
import com.memora.kernel.ops.Alerts;
import com.memora.kernel.season.RecordSeasonPartitionCommand;
import com.memora.kernel.season.SeasonCreatedEvent;
import com.memora.kernel.season.SeasonRegistry;
import com.memora.kernel.season.SeasonStatus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Creates a new season's tracker partition within seconds of its creation and records {@code partition_created}
 * through an event (decisions S1, S5). A failure alerts the administrators and parks the event, which the
 * dead-letter retrier tries again every minute until the partition exists. Side effects (DDL, a command), so never
 * part of a replay (R3).
 */
@Component
@ProcessingGroup(SeasonPartitionManager.PROCESSING_GROUP)
public class SeasonPartitionManager {

    public static final String PROCESSING_GROUP = "srs-season-partitions";
    public static final String ALERT_KIND = "srs-partition-failed";

    private final TrackerPartitions partitions;
    private final SeasonRegistry seasons;
    private final CommandGateway commands;
    private final Alerts alerts;

    public SeasonPartitionManager(TrackerPartitions partitions, SeasonRegistry seasons, CommandGateway commands,
                                  Alerts alerts) {
        this.partitions = partitions;
        this.seasons = seasons;
        this.commands = commands;
        this.alerts = alerts;
    }

    @EventHandler
    @DisallowReplay
    void on(SeasonCreatedEvent event) {
        if (seasons.find(event.seasonId()).map(SeasonStatus::archived).orElse(false)) {
            return;
        }
        String partition;
        try {
            partition = partitions.ensure(event.seasonId());
        } catch (RuntimeException e) {
            alerts.raise(Alert.of(ALERT_KIND, AlertSeverity.CRITICAL, event.seasonId(),
                                  "The review tracker partition of season " + event.seasonId() + " could not be "
                                  + "created: " + e.getMessage() + ". Reviews of this season are still accepted and "
                                  + "stored; the tracker waits for the partition, which is tried again every "
                                  + "minute."));
            throw e;
        }
        commands.sendAndWait(new RecordSeasonPartitionCommand(event.seasonId(), partition));
    }
}
