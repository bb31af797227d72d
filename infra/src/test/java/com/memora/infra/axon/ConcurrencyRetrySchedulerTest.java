package com.memora.infra.axon;

import com.memora.kernel.season.ArchiveSeasonCommand;
import com.memora.kernel.srs.ReviewAnswer;
import com.memora.kernel.srs.SubmitReviewsCommand;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failed commands the gateway sends again (decisions S3), with a real scheduler. */
class ConcurrencyRetrySchedulerTest {

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    private final ConcurrencyRetryScheduler scheduler = new ConcurrencyRetryScheduler(executor, 3, 1);

    private static final CommandMessage<?> FIRST_SUBMISSION = GenericCommandMessage.asCommandMessage(
            new SubmitReviewsCommand("p1", "SEASON-2026", null, List.of(ReviewAnswer.rated("Q1", 3))));
    private static final CommandMessage<?> PLAIN_COMMAND = GenericCommandMessage.asCommandMessage(
            new ArchiveSeasonCommand("SEASON-2026", false));

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @SuppressWarnings("unchecked")
    private static List<Class<? extends Throwable>[]> failures(int count) {
        List<Class<? extends Throwable>[]> failures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            failures.add(new Class[] {ConcurrencyException.class});
        }
        return failures;
    }

    @Test
    void aLostRaceToCreateThePlayersMemoryIsSentAgain() throws InterruptedException {
        CountDownLatch dispatched = new CountDownLatch(1);
        boolean retried = scheduler.scheduleRetry(FIRST_SUBMISSION,
                                                  new AggregateStreamCreationException("sequence 0 taken"),
                                                  failures(1), dispatched::countDown);
        assertThat(retried).isTrue();
        assertThat(dispatched.await(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aTakenIdOfACommandThatOnlyCreatesIsNotRetried() {
        assertThat(scheduler.scheduleRetry(PLAIN_COMMAND, new AggregateStreamCreationException("id taken"),
                                           failures(1), () -> { })).isFalse();
    }

    @Test
    void concurrencyConflictsAreRetriedForEveryCommandButNotForever() {
        assertThat(scheduler.scheduleRetry(PLAIN_COMMAND, new ConcurrencyException("lost"), failures(1), () -> { }))
                .isTrue();
        assertThat(scheduler.scheduleRetry(FIRST_SUBMISSION, new AggregateStreamCreationException("lost"),
                                           failures(3), () -> { })).isTrue();
        assertThat(scheduler.scheduleRetry(FIRST_SUBMISSION, new AggregateStreamCreationException("lost"),
                                           failures(4), () -> { })).as("retries ran out").isFalse();
        assertThat(scheduler.scheduleRetry(FIRST_SUBMISSION, new IllegalStateException("a refusal"),
                                           failures(1), () -> { })).isFalse();
    }
}
