package com.memora.infra.axon;

import com.memora.kernel.command.LoadOrCreateCommand;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Retries a command only when it lost an optimistic-concurrency race on its aggregate (another node appended
 * first). Axon's interval scheduler would also retry every domain refusal; this one leaves those alone, so an
 * invalid command fails once and at once. Retries back off with jitter.
 * <p>
 * Losing the race to create an aggregate ({@link AggregateStreamCreationException}: another node appended its first
 * event) is retried only for {@link LoadOrCreateCommand}s, whose retry loads what the winner created; for a plain
 * create it means the id is taken, and retrying would only fail again.
 */
final class ConcurrencyRetryScheduler implements RetryScheduler {

    private static final Logger log = LoggerFactory.getLogger(ConcurrencyRetryScheduler.class);

    private final ScheduledExecutorService executor;
    private final int maxRetries;
    private final long baseDelayMillis;

    ConcurrencyRetryScheduler(ScheduledExecutorService executor, int maxRetries, long baseDelayMillis) {
        this.executor = executor;
        this.maxRetries = maxRetries;
        this.baseDelayMillis = baseDelayMillis;
    }

    @Override
    public boolean scheduleRetry(CommandMessage commandMessage, RuntimeException lastFailure,
                                 List<Class<? extends Throwable>[]> failures, Runnable commandDispatch) {
        if (!lostARace(commandMessage, lastFailure) || failures.size() > maxRetries) {
            return false;
        }
        long delay = baseDelayMillis * failures.size() + ThreadLocalRandom.current().nextLong(baseDelayMillis + 1);
        log.debug("{} lost a concurrency race; retry {} of {} in {} ms", commandMessage.getPayloadType()
                                                                                     .getSimpleName(),
                  failures.size(), maxRetries, delay);
        executor.schedule(commandDispatch, delay, TimeUnit.MILLISECONDS);
        return true;
    }

    static boolean lostARace(CommandMessage<?> command, RuntimeException failure) {
        return failure instanceof ConcurrencyException
               || failure instanceof AggregateStreamCreationException
                  && command.getPayload() instanceof LoadOrCreateCommand;
    }
}
