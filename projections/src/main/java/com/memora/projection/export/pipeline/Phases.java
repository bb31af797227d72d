package com.memora.projection.export.pipeline;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * How long each step of one build took, for the build's log line ({@code read 80 ms, build 310 ms, …}): where a
 * slow build spends its time. Measured with the monotonic timer; this is not business time.
 */
final class Phases {

    private final Map<String, Long> nanos = new LinkedHashMap<>();

    void add(String phase, long elapsedNanos) {
        nanos.merge(phase, elapsedNanos, Long::sum);
    }

    <T> T time(String phase, Supplier<T> step) {
        long start = System.nanoTime();
        try {
            return step.get();
        } finally {
            add(phase, System.nanoTime() - start);
        }
    }

    void time(String phase, Runnable step) {
        time(phase, () -> {
            step.run();
            return null;
        });
    }

    @Override
    public String toString() {
        return nanos.entrySet().stream().map(entry -> entry.getKey() + " " + entry.getValue() / 1_000_000 + " ms")
                    .collect(Collectors.joining(", "));
    }
}
