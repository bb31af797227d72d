package com.memora.infra.srs;

import com.github.benmanes.caffeine.cache.Caffeine;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

import java.util.Set;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The loaded player memories kept between a player's submissions: the most recently used {@code maximumSize}
 * (Caffeine, size-bounded), each held softly, so the collector takes them back only when memory runs short. Axon's
 * {@code WeakReferenceCache} lost every entry at each young collection — with 50-answer submissions that is every
 * few requests — and the next submission then reloaded the memory from its snapshot and events.
 * <p>
 * Axon's caching repository removes an entry whose unit of work rolled back (a lost concurrency race, a refusal), so
 * a stale memory is never used; this cache only decides how long a good one stays.
 */
final class PlayerMemoryCache implements Cache {

    private final ConcurrentMap<Object, Object> entries;
    private final Set<EntryListener> listeners = new CopyOnWriteArraySet<>();

    PlayerMemoryCache(long maximumSize) {
        this.entries = Caffeine.newBuilder().maximumSize(maximumSize).softValues().build().asMap();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        V value = (V) entries.get(key);
        if (value != null) {
            listeners.forEach(listener -> listener.onEntryRead(key, value));
        }
        return value;
    }

    @Override
    public void put(Object key, Object value) {
        if (value == null) {
            throw new IllegalArgumentException("Null values not supported");
        }
        boolean updated = entries.put(key, value) != null;
        listeners.forEach(listener -> {
            if (updated) {
                listener.onEntryUpdated(key, value);
            } else {
                listener.onEntryCreated(key, value);
            }
        });
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        if (value == null) {
            throw new IllegalArgumentException("Null values not supported");
        }
        if (entries.putIfAbsent(key, value) == null) {
            listeners.forEach(listener -> listener.onEntryCreated(key, value));
            return true;
        }
        return false;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
        return (T) entries.computeIfAbsent(key, k -> {
            T value = valueSupplier.get();
            if (value == null) {
                throw new IllegalStateException("Value Supplier of Cache produced a null value for key [" + key + "]!");
            }
            listeners.forEach(listener -> listener.onEntryCreated(key, value));
            return value;
        });
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        entries.computeIfPresent(key, (k, current) -> {
            V value = update.apply((V) current);
            listeners.forEach(listener -> {
                if (value == null) {
                    listener.onEntryRemoved(key);
                } else {
                    listener.onEntryUpdated(key, value);
                }
            });
            return value;
        });
    }

    @Override
    public boolean remove(Object key) {
        if (entries.remove(key) != null) {
            listeners.forEach(listener -> listener.onEntryRemoved(key));
            return true;
        }
        return false;
    }

    @Override
    public void removeAll() {
        for (Object key : Set.copyOf(entries.keySet())) {
            remove(key);
        }
    }

    @Override
    public boolean containsKey(Object key) {
        return entries.containsKey(key);
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
