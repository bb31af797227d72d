package com.memora.projection.export.health;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.random.RandomGenerator;

/** A uniform sample without repeats, the way the quick check picks the files it looks at. */
public final class FileSample {

    private FileSample() {
    }

    /**
     * @return {@code size} distinct paths chosen uniformly from {@code paths} (all of them when there are fewer),
     *         sorted
     */
    public static List<String> pick(Collection<String> paths, int size, RandomGenerator random) {
        List<String> pool = new ArrayList<>(paths);
        int count = Math.min(size, pool.size());
        for (int i = 0; i < count; i++) { // partial Fisher–Yates: the first `count` places are the sample
            Collections.swap(pool, i, i + random.nextInt(pool.size() - i));
        }
        List<String> sample = new ArrayList<>(pool.subList(0, count));
        Collections.sort(sample);
        return sample;
    }
}
