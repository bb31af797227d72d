package com.memora.infra.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Without memora.node-id a node keeps one id across restarts, and two running nodes never share one. */
class PersistedNodeIdTest {

    @TempDir
    Path dataDir;

    @Test
    void theDefaultIdIsKeptInTheDataDirectoryAndFoundAgainAfterARestart() throws IOException {
        String first = new NodeProperties(dataDir, null).nodeId();
        Path stored = dataDir.resolve("keys").resolve("node-id");
        assertThat(Files.readString(stored).strip()).isEqualTo(first);
        // what the next process reads (this JVM still holds the data directory's lock, so read the file directly)
        assertThat(PersistedNodeId.readOrCreate(stored)).isEqualTo(first);
        assertThat(PersistedNodeId.readOrCreate(stored)).isEqualTo(first);
    }

    @Test
    void aSecondNodeOnTheSameDataDirectoryGetsAnIdOfItsOwn() throws IOException {
        String first = new NodeProperties(dataDir, "").nodeId();
        String second = new NodeProperties(dataDir, null).nodeId();
        assertThat(second).isNotEqualTo(first);
        assertThat(Files.readString(dataDir.resolve("keys").resolve("node-id")).strip()).isEqualTo(first);
    }

    @Test
    void aConfiguredIdWins() {
        assertThat(new NodeProperties(dataDir, " node-7 ").nodeId()).isEqualTo("node-7");
        assertThat(Files.exists(dataDir.resolve("keys"))).isFalse();
    }
}
