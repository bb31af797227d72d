package com.memora.infra.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The node id used when {@code memora.node-id} is not set: made once and kept in {@code <data-dir>/keys/node-id}, so
 * a node that restarts has the id it had, and finds the jobs and runs the previous process left RUNNING (the old
 * default, host name and PID, changed with every process and never matched them).
 * <p>
 * Two running nodes must never share an id (Axon's token claims are by node id). The process that uses the stored id
 * holds a lock on {@code keys/node-id.lock} until it exits; a second process started on the same data directory (or
 * a second application context in the same JVM, as tests do) gets a fresh id of its own instead, not stored.
 */
final class PersistedNodeId {

    private static final Map<Path, FileChannel> HELD = new ConcurrentHashMap<>();

    private PersistedNodeId() {
    }

    static String resolve(Path dataDir) {
        Path keys = dataDir.toAbsolutePath().normalize().resolve("keys");
        try {
            Files.createDirectories(keys);
            if (!claim(keys.resolve("node-id.lock"))) {
                return fresh();
            }
            return readOrCreate(keys.resolve("node-id"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep this node's id in " + keys + "; set memora.node-id", e);
        }
    }

    /** The id stored in the file, made and stored first when there is none. */
    static String readOrCreate(Path file) throws IOException {
        if (Files.exists(file)) {
            String stored = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (!stored.isEmpty()) {
                return stored;
            }
        }
        String id = fresh();
        Path written = Files.writeString(file.resolveSibling(file.getFileName() + ".tmp"), id + "\n",
                                         StandardCharsets.UTF_8);
        Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return id;
    }

    /** Takes the data directory's id for this process, for as long as it runs; false when another holds it. */
    private static synchronized boolean claim(Path lockFile) throws IOException {
        if (HELD.containsKey(lockFile)) {
            return false;
        }
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException heldHere) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            return false;
        }
        channel.write(ByteBuffer.wrap(Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.UTF_8)));
        HELD.put(lockFile, channel); // released when the process exits
        return true;
    }

    private static String fresh() {
        String host = System.getenv().getOrDefault("HOSTNAME", "node").replaceAll("[^A-Za-z0-9._-]", "");
        return (host.isEmpty() ? "node" : host) + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
