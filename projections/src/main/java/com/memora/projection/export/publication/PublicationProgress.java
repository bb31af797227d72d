package com.memora.projection.export.publication;

import com.memora.projection.export.cdn.PublishProgress;
import com.memora.projection.export.cdn.UploadedFile;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The CDN publications running on this node, file by file: the export queue shows them ({@code publishing}), and
 * observers (metrics, tests) can follow each verified upload as it happens. Per node and in memory: a publication
 * runs under its plan's cluster lock on exactly one node.
 */
@Component
public class PublicationProgress {

    /** One publication under way. */
    public record InFlight(String planId, int uploaded, int total, Instant since) {
    }

    /** Told of every file a publication uploaded and verified, on the uploading thread. */
    @FunctionalInterface
    public interface Listener {
        void uploaded(String planId, UploadedFile file, int done, int total);
    }

    /** Stops a listener. */
    public interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    private final Map<String, InFlight> running = new ConcurrentHashMap<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    public Subscription listen(Listener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    public List<InFlight> inFlight() {
        return running.values().stream().sorted(Comparator.comparing(InFlight::since)).toList();
    }

    /** The progress callback for one plan's publication; {@link #finished} ends it. */
    PublishProgress track(String planId, Instant since) {
        running.put(planId, new InFlight(planId, 0, 0, since));
        return (file, done, total) -> {
            running.computeIfPresent(planId, (plan, before) -> new InFlight(plan, Math.max(before.uploaded(), done),
                                                                            total, before.since()));
            for (Listener listener : listeners) {
                listener.uploaded(planId, file, done, total);
            }
        };
    }

    void finished(String planId) {
        running.remove(planId);
    }
}
