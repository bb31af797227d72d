package com.memora.bench;

import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/** Runs an operation a number of times on a number of threads and reports throughput and latency. */
public final class LoadRun {

    private LoadRun() {
    }

    public record Result(String name, int threads, long operations, long errors, double seconds,
                         Histogram latencyMicros) {

        public double perSecond() {
            return operations / seconds;
        }

        public String line() {
            return String.format("%-44s threads=%-3d ops=%-7d errors=%-4d %9.0f ops/s  p50=%7.2f ms  p99=%7.2f ms"
                                 + "  max=%7.2f ms",
                                 name, threads, operations, errors, perSecond(),
                                 latencyMicros.getValueAtPercentile(50) / 1000.0,
                                 latencyMicros.getValueAtPercentile(99) / 1000.0,
                                 latencyMicros.getMaxValue() / 1000.0);
        }
    }

    /** @param operation called with a unique sequence number; an exception counts as an error */
    public static Result run(String name, int threads, long operations, LongConsumer operation)
            throws Exception {
        Histogram histogram = new Histogram(3_600_000_000L, 3);
        AtomicLong next = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        List<Future<Histogram>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                Histogram local = new Histogram(3_600_000_000L, 3);
                long sequence;
                while ((sequence = next.getAndIncrement()) < operations) {
                    long begin = System.nanoTime();
                    try {
                        operation.accept(sequence);
                    } catch (RuntimeException e) {
                        errors.incrementAndGet();
                    }
                    local.recordValue(Math.max(1, (System.nanoTime() - begin) / 1000));
                }
                return local;
            }));
        }
        for (Future<Histogram> worker : workers) {
            histogram.add(worker.get());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        return new Result(name, threads, operations, errors.get(), seconds, histogram);
    }
}
