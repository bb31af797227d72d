package com.memora.infra.axon.deadletter;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcDeadLetter;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** What the processing groups' dead-letter queues hold, for operators (health, replay status, the listing). */
@Service
public class ParkedEvents {

    /** The diagnostics entry counting failed retries ({@code EventProcessingDefaults}' enqueue policy keeps it). */
    public static final String RETRIES = "retries";

    private final EventProcessingConfiguration processing;

    public ParkedEvents(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    /** The number of parked events per processing group that has a dead-letter queue. */
    public Map<String, Long> countsByGroup() {
        Map<String, Long> counts = new TreeMap<>();
        for (String group : processing.eventProcessors().keySet()) {
            queue(group).ifPresent(queue -> counts.put(group, queue.size()));
        }
        return counts;
    }

    /** The parked events of one group or of all (null), oldest sequence first, at most {@code limit}. */
    public List<ParkedEvent> list(String groupOrNull, int limit) {
        List<ParkedEvent> parked = new ArrayList<>();
        List<String> groups = groupOrNull == null ? List.copyOf(countsByGroup().keySet()) : List.of(groupOrNull);
        for (String group : groups) {
            Optional<SequencedDeadLetterQueue<EventMessage<?>>> queue = queue(group);
            if (queue.isEmpty()) {
                continue;
            }
            for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.get().deadLetters()) {
                for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                    if (parked.size() >= limit) {
                        return parked;
                    }
                    parked.add(describe(group, letter));
                }
            }
        }
        return parked;
    }

    /** Whether the group exists and has a dead-letter queue. */
    public boolean hasQueue(String group) {
        return queue(group).isPresent();
    }

    /** For the enqueue policy: the letter's diagnostics with its failed retries counted. */
    public static MetaData countingRetries(DeadLetter<?> letter) {
        MetaData diagnostics = letter.diagnostics();
        return diagnostics.and(RETRIES, diagnostics.containsKey(RETRIES) ? retries(diagnostics) + 1 : 0);
    }

    private static int retries(MetaData diagnostics) {
        return diagnostics.get(RETRIES) instanceof Number number ? number.intValue() : 0;
    }

    private static ParkedEvent describe(String group, DeadLetter<? extends EventMessage<?>> letter) {
        EventMessage<?> event = letter.message();
        String sequence = null;
        long index = -1;
        if (letter instanceof JdbcDeadLetter<?> stored) {
            sequence = stored.getSequenceIdentifier();
            index = stored.getSequenceIndex();
        }
        String aggregate = null;
        Long aggregateSequence = null;
        if (event instanceof DomainEventMessage<?> domainEvent) {
            aggregate = domainEvent.getAggregateIdentifier();
            aggregateSequence = domainEvent.getSequenceNumber();
        }
        return new ParkedEvent(group, sequence, index, event.getPayloadType().getSimpleName(),
                               event.getIdentifier(), aggregate, aggregateSequence,
                               letter.cause().map(cause -> cause.type() + ": " + cause.message()).orElse(null),
                               letter.enqueuedAt(), letter.lastTouched(), retries(letter.diagnostics()));
    }

    /** Only for an existing group (Axon would build a queue for any name asked). */
    private Optional<SequencedDeadLetterQueue<EventMessage<?>>> queue(String group) {
        if (!processing.eventProcessors().containsKey(group)) {
            return Optional.empty();
        }
        return processing.deadLetterQueue(group);
    }
}
