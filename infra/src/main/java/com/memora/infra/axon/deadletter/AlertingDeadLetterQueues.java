package com.memora.infra.axon.deadletter;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;

/** Wraps a group's dead-letter queue so that parking an event raises the group's alert. */
public final class AlertingDeadLetterQueues {

    private AlertingDeadLetterQueues() {
    }

    public static SequencedDeadLetterQueue<EventMessage<?>> alerting(String processingGroup,
                                                                     SequencedDeadLetterQueue<EventMessage<?>> queue,
                                                                     ParkedEventAlerts alerts) {
        return new AlertingDeadLetterQueue(processingGroup, queue, alerts);
    }
}
