package com.memora.infra.axon.deadletter;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * A processing group's dead-letter queue that says so when it parks an event: the group's events of that sequence
 * now wait (for {@code content}: every content event, so the read model and the export stall), which nobody would
 * notice otherwise. The notice goes out once the parking transaction commits (a rolled-back batch parked nothing).
 * Everything else is the wrapped queue's.
 */
final class AlertingDeadLetterQueue implements SequencedDeadLetterQueue<EventMessage<?>> {

    private final String processingGroup;
    private final SequencedDeadLetterQueue<EventMessage<?>> queue;
    private final ParkedEventAlerts alerts;

    AlertingDeadLetterQueue(String processingGroup, SequencedDeadLetterQueue<EventMessage<?>> queue,
                            ParkedEventAlerts alerts) {
        this.processingGroup = processingGroup;
        this.queue = queue;
        this.alerts = alerts;
    }

    @Override
    public void enqueue(Object sequenceIdentifier, DeadLetter<? extends EventMessage<?>> letter) {
        queue.enqueue(sequenceIdentifier, letter);
        String cause = letter.cause().map(found -> found.type() + ": " + found.message())
                             .orElse("queued behind an earlier parked event of its sequence");
        Runnable notice = () -> alerts.parked(processingGroup, letter.message().getPayloadType().getSimpleName(),
                                              cause);
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(unitOfWork -> notice.run());
        } else {
            notice.run();
        }
    }

    @Override
    public boolean enqueueIfPresent(Object sequenceIdentifier,
                                    Supplier<DeadLetter<? extends EventMessage<?>>> letterBuilder) {
        return queue.enqueueIfPresent(sequenceIdentifier, letterBuilder);
    }

    @Override
    public void evict(DeadLetter<? extends EventMessage<?>> letter) {
        queue.evict(letter);
    }

    @Override
    public void requeue(DeadLetter<? extends EventMessage<?>> letter,
                        UnaryOperator<DeadLetter<? extends EventMessage<?>>> letterUpdater) {
        queue.requeue(letter, letterUpdater);
    }

    @Override
    public boolean contains(Object sequenceIdentifier) {
        return queue.contains(sequenceIdentifier);
    }

    @Override
    public Iterable<DeadLetter<? extends EventMessage<?>>> deadLetterSequence(Object sequenceIdentifier) {
        return queue.deadLetterSequence(sequenceIdentifier);
    }

    @Override
    public Iterable<Iterable<DeadLetter<? extends EventMessage<?>>>> deadLetters() {
        return queue.deadLetters();
    }

    @Override
    public boolean isFull(Object sequenceIdentifier) {
        return queue.isFull(sequenceIdentifier);
    }

    @Override
    public long size() {
        return queue.size();
    }

    @Override
    public long sequenceSize(Object sequenceIdentifier) {
        return queue.sequenceSize(sequenceIdentifier);
    }

    @Override
    public long amountOfSequences() {
        return queue.amountOfSequences();
    }

    @Override
    public boolean process(Predicate<DeadLetter<? extends EventMessage<?>>> sequenceFilter,
                           Function<DeadLetter<? extends EventMessage<?>>,
                                   EnqueueDecision<EventMessage<?>>> processingTask) {
        return queue.process(sequenceFilter, processingTask);
    }

    @Override
    public boolean process(Function<DeadLetter<? extends EventMessage<?>>,
            EnqueueDecision<EventMessage<?>>> processingTask) {
        return queue.process(processingTask);
    }

    @Override
    public void clear() {
        queue.clear();
    }
}
