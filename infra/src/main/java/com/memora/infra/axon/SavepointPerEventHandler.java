package com.memora.infra.axon;

import org.axonframework.common.Priority;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.axonframework.springboot.EventProcessorProperties;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.lang.reflect.Method;

/**
 * Runs every projection's event handler inside a savepoint of the batch's transaction, so that a handler whose SQL
 * fails leaves the transaction usable. Without it PostgreSQL aborts the whole transaction on the first failed
 * statement: Axon's dead-letter queue then cannot store the failing event in that same transaction, the batch rolls
 * back and is tried again forever, and the projection stops for every later event (a known limit of Axon's
 * database-backed dead-letter queues, AxonFramework#3289). With the savepoint the failed handler's writes are undone
 * alone — never half applied, so a retry of the parked event finds the read model as it was — and the event is
 * parked like any other failure while the rest of the batch commits.
 * <p>
 * Only event handlers of streaming projections, and only inside a transaction. Left alone: aggregates'
 * event-sourcing handlers, and the groups configured as subscribing processors (their handlers run in the unit of
 * work of the command that applied the events, or in a lookup rebuild's single transaction, where a failure must
 * fail the whole). Innermost of the handler wrappers ({@link Priority#FIRST}), so a handler that does not run —
 * {@code @DisallowReplay} during a replay — costs nothing.
 * <p>
 * The cost is one {@code SAVEPOINT} and one {@code RELEASE} per handler call; each savepoint that wrote is a
 * PostgreSQL subtransaction until the batch commits. A batch of 50 events through two or three writing handlers
 * passes PostgreSQL's 64 cached subtransactions per backend, which makes other sessions' snapshots consult
 * {@code pg_subtrans} while that short batch is open — measured as no visible cost here (README "Operating notes");
 * on a much busier database, lower {@code memora.axon.batch-size} and watch the {@code Subtrans} SLRU statistics.
 */
@Component
@Priority(Priority.FIRST)
class SavepointPerEventHandler implements HandlerEnhancerDefinition {

    private final TransactionTemplate savepoint;
    private final EventProcessorProperties processors;

    SavepointPerEventHandler(PlatformTransactionManager transactions, EventProcessorProperties processors) {
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.processors = processors;
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        boolean projectionHandler = original.canHandleMessageType(EventMessage.class)
                                    && original.unwrap(Method.class)
                                               .filter(method -> AnnotatedElementUtils.hasAnnotation(
                                                       method, EventHandler.class))
                                               .filter(method -> !AnnotatedElementUtils.hasAnnotation(
                                                       method, EventSourcingHandler.class))
                                               .filter(method -> !subscribing(method.getDeclaringClass()))
                                               .isPresent();
        return projectionHandler ? new InSavepoint<>(original, savepoint) : original;
    }

    private boolean subscribing(Class<?> handlerClass) {
        ProcessingGroup group = AnnotatedElementUtils.findMergedAnnotation(handlerClass, ProcessingGroup.class);
        String name = group != null ? group.value() : handlerClass.getPackageName(); // Axon's default group
        EventProcessorProperties.ProcessorSettings settings = processors.getProcessors().get(name);
        return settings != null && settings.getMode() == EventProcessorProperties.Mode.SUBSCRIBING;
    }

    private static final class InSavepoint<T> extends WrappedMessageHandlingMember<T> {

        private final TransactionTemplate savepoint;

        private InSavepoint(MessageHandlingMember<T> delegate, TransactionTemplate savepoint) {
            super(delegate);
            this.savepoint = savepoint;
        }

        @Override
        public Object handle(Message<?> message, T target) throws Exception {
            if (!TransactionSynchronizationManager.isActualTransactionActive()) {
                return super.handle(message, target); // nothing to protect: no batch transaction to abort
            }
            try {
                return savepoint.execute(status -> {
                    try {
                        return super.handle(message, target);
                    } catch (RuntimeException e) {
                        throw e;
                    } catch (Exception e) {
                        throw new CheckedFailure(e);
                    }
                });
            } catch (CheckedFailure e) {
                throw (Exception) e.getCause();
            }
        }
    }

    /** Carries a handler's checked exception through the template, which rolls back to the savepoint for it. */
    private static final class CheckedFailure extends RuntimeException {

        private CheckedFailure(Exception cause) {
            super(cause);
        }
    }
}
