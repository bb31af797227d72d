package com.memora.bench;

import com.memora.kernel.srs.fsrs.CardMemory;
import com.memora.kernel.srs.fsrs.FsrsParameters;
import com.memora.kernel.srs.fsrs.FsrsScheduler;
import com.memora.kernel.srs.fsrs.Rating;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.annotations.Measurement;

/**
 * FSRS-6 reviews per second ({@code ops/s}: one op is one {@link FsrsScheduler#review}), on one thread. The cards
 * come from replaying random histories, so they are a realistic mix of New, Learning, Review and Relearning, with
 * gaps from seconds to months. {@code reviewWithFuzz} shows the cost of fuzz (its seed string and generator).
 * <p>
 * Run: {@code mvn -q -B -ntp -DskipTests install && mvn -q -B -ntp -pl benchmarks exec:java -Dbench=FsrsSchedulerJmh}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class FsrsSchedulerJmh {

    private static final int SCENARIOS = 4096;

    private final FsrsScheduler scheduler = new FsrsScheduler(FsrsParameters.defaults());
    private final FsrsScheduler fuzzy = new FsrsScheduler(FsrsParameters.defaults().withFuzz(true));
    private final CardMemory[] cards = new CardMemory[SCENARIOS];
    private final Rating[] ratings = new Rating[SCENARIOS];
    private final Instant[] times = new Instant[SCENARIOS];
    private int next;

    @Setup(Level.Trial)
    public void replayRandomHistories() {
        SplittableRandom random = new SplittableRandom(6);
        CardMemory card = null;
        Instant time = null;
        for (int i = 0; i < SCENARIOS; i++) {
            if (i % 64 == 0) { // a new card every 64 reviews
                time = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(random.nextLong(365L * 86_400));
                card = CardMemory.newCard(time);
            }
            time = time.plus(random.nextBoolean()
                    ? Duration.between(time, card.due()).abs().plusSeconds(random.nextLong(600))
                    : Duration.ofSeconds(random.nextLong(1, 90L * 86_400)));
            cards[i] = card;
            ratings[i] = Rating.of(1 + random.nextInt(4));
            times[i] = time;
            card = scheduler.review(card, ratings[i], time);
        }
    }

    @Benchmark
    public CardMemory review() {
        int i = next++ & (SCENARIOS - 1);
        return scheduler.review(cards[i], ratings[i], times[i]);
    }

    @Benchmark
    public CardMemory reviewWithFuzz() {
        int i = next++ & (SCENARIOS - 1);
        return fuzzy.review(cards[i], ratings[i], times[i]);
    }

    @Benchmark
    public double retrievability() {
        int i = next++ & (SCENARIOS - 1);
        return scheduler.retrievability(cards[i], times[i]);
    }
}
