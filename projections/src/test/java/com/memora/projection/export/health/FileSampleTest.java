package com.memora.projection.export.health;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The quick check's sample: up to the size, distinct, only expected paths, every path equally likely. */
class FileSampleTest {

    private static final List<String> PATHS = IntStream.range(0, 1_000).mapToObj(i -> "plans/P/lessons/L" + i + ".json")
                                                       .toList();

    @Test
    void takesTheSizeAskedForWithoutRepeatsFromTheExpectedPathsOnly() {
        List<String> sample = FileSample.pick(PATHS, 100, new SplittableRandom(7));
        assertThat(sample).hasSize(100).doesNotHaveDuplicates().isSorted();
        assertThat(PATHS).containsAll(sample);
    }

    @Test
    void takesEverythingWhenThereIsLessThanTheSize() {
        assertThat(FileSample.pick(PATHS.subList(0, 40), 100, new SplittableRandom(7)))
                .containsExactlyInAnyOrderElementsOf(PATHS.subList(0, 40));
        assertThat(FileSample.pick(List.of(), 100, new SplittableRandom(7))).isEmpty();
    }

    @Test
    void everyPathIsAsLikelyAsAnother() {
        Map<String, Integer> picked = new HashMap<>();
        SplittableRandom random = new SplittableRandom(42);
        int rounds = 2_000;
        for (int round = 0; round < rounds; round++) {
            FileSample.pick(PATHS, 100, random).forEach(path -> picked.merge(path, 1, Integer::sum));
        }
        // each path is picked with probability 0.1: 200 of 2,000 rounds on average, sd ≈ 13.4
        assertThat(picked).hasSize(PATHS.size());
        assertThat(picked.values()).allSatisfy(count -> assertThat(count).isBetween(130, 270));
    }
}
