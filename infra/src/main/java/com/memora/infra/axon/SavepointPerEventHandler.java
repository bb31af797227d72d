package com.memora.infra.axon;

import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
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
 * Only event handlers of event processors, and only inside a transaction: aggregates' event-sourcing handlers are
 * left alone. The cost is one {@code SAVEPOINT} and one {@code RELEASE} per handled event.
 */
@Component
class SavepointPerEventHandler implements HandlerEnhancerDefinition {

    private final TransactionTemplate savepoint;

    SavepointPerEventHandler(PlatformTransactionManager transactions) {
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        boolean projectionHandler = original.canHandleMessageType(EventMessage.class)
                                    && original.unwrap(Method.class)
                                               .filter(method -> AnnotatedElementUtils.hasAnnotation(
                                                       method, EventHandler.class))
                                               .filter(method -> !AnnotatedElementUtils.hasAnnotation(
                                                       method, EventSourcingHandler.class))
                                               .isPresent();
        return projectionHandler ? new InSavepoint<>(original, savepoint) : original;
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
