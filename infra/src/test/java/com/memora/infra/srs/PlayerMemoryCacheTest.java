package com.memora.infra.srs;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The loaded player memories stay between submissions: a garbage collection does not take them (Axon's weak-reference
 * cache lost them at every one, so most submissions reloaded the memory from the store), and only the most recently
 * used ones are kept.
 */
class PlayerMemoryCacheTest {

    @Test
    void aMemoryStaysLoadedThroughGarbageCollections() {
        PlayerMemoryCache cache = new PlayerMemoryCache(10);
        cache.put("memory:S:p1", new StringBuilder("a loaded memory"));
        for (int i = 0; i < 3; i++) {
            System.gc(); // what the young collections of busy submissions do to weakly held entries
        }
        assertThat(cache.<String, StringBuilder>get("memory:S:p1")).hasToString("a loaded memory");
    }

    @Test
    void onlyTheMostRecentlyUsedAreKept() {
        PlayerMemoryCache cache = new PlayerMemoryCache(100);
        IntStream.range(0, 1_000).forEach(i -> cache.put("memory:S:p" + i, "memory " + i));
        await().atMost(Duration.ofSeconds(10)).until(
                () -> IntStream.range(0, 1_000).filter(i -> cache.containsKey("memory:S:p" + i)).count() <= 100);
    }

    @Test
    void aMemoryWhoseAppendFailedIsRemoved() {
        PlayerMemoryCache cache = new PlayerMemoryCache(10);
        cache.put("memory:S:p1", "stale after another node's append");
        assertThat(cache.remove("memory:S:p1")).isTrue(); // what Axon's repository does when the unit of work rolls back
        assertThat(cache.<String, String>get("memory:S:p1")).isNull();
    }
}
