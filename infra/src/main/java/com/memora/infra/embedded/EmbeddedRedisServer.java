package com.memora.infra.embedded;

import redis.embedded.RedisServer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A real redis-server process (the binary shipped by embedded-redis) on loopback. It can be stopped and started
 * again on the same port, which is how tests take Redis away from a running service.
 */
public final class EmbeddedRedisServer implements AutoCloseable {

    private final RedisServer server;
    private final int port;

    private EmbeddedRedisServer(RedisServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /**
     * @param dataDirectory where the append-only file lives, kept across restarts; {@code null} for a cache
     *                      that persists nothing (tests)
     */
    public static EmbeddedRedisServer start(Path dataDirectory, int port) throws IOException {
        int chosenPort = port == 0 ? FreePorts.find() : port;
        var builder = RedisServer.newRedisServer()
                                 .bind("127.0.0.1")
                                 .port(chosenPort)
                                 .setting("protected-mode yes")
                                 .onShutdownForceStop(false);
        if (dataDirectory != null) {
            Files.createDirectories(dataDirectory);
            builder.setting("dir " + dataDirectory.toAbsolutePath())
                   .setting("appendonly yes")
                   .setting("appendfsync everysec");
        } else {
            builder.setting("save \"\"").setting("appendonly no");
        }
        RedisServer server = builder.build();
        server.start();
        return new EmbeddedRedisServer(server, chosenPort);
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public boolean isRunning() {
        return server.isActive();
    }

    public void stop() throws IOException {
        if (server.isActive()) {
            server.stop();
        }
    }

    /** Starts the server again on the same port (a Redis restart: a new run id, its cache gone). */
    public void restart() throws IOException {
        stop();
        server.start();
    }

    @Override
    public void close() throws IOException {
        stop();
    }
}
