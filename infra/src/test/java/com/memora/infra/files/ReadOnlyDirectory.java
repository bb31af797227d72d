package com.memora.infra.files;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Makes a real directory unwritable for this process, and writable again on close. Permission bits are enough for
 * an ordinary user; root ignores them, so there the directory is also made immutable ({@code chattr +i}), which
 * binds root too.
 */
public final class ReadOnlyDirectory implements AutoCloseable {

    private final Path directory;
    private boolean immutable;

    private ReadOnlyDirectory(Path directory) {
        this.directory = directory;
    }

    public static ReadOnlyDirectory of(Path directory) throws IOException, InterruptedException {
        ReadOnlyDirectory readOnly = new ReadOnlyDirectory(directory);
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("r-xr-xr-x"));
        if (canWriteIn(directory)) {
            readOnly.immutable = run("chattr", "+i", directory.toString()) && !canWriteIn(directory);
            Assumptions.assumeTrue(readOnly.immutable, "this user can write in any directory and cannot make one"
                                                       + " immutable, so a read-only directory cannot be made here");
        }
        return readOnly;
    }

    private static boolean canWriteIn(Path directory) {
        Path probe = directory.resolve("write-probe");
        try {
            Files.createFile(probe);
            Files.delete(probe);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean run(String... command) throws InterruptedException {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        try {
            if (immutable) {
                run("chattr", "-i", directory.toString());
            }
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
