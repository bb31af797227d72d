package com.memora.infra.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.function.Supplier;

/**
 * Secrets that the embedded default makes for itself on first start (S3 keys, the token-signing key, the
 * settings encryption key) and keeps in its data directory, readable by the owner only.
 */
public final class LocalSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private LocalSecrets() {
    }

    /** The file's content, created from {@code generator} when the file does not exist yet. */
    public static String readOrCreate(Path file, Supplier<String> generator) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            }
            Files.createDirectories(file.getParent());
            String value = generator.get();
            Path temp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            try {
                restrictToOwner(temp);
                Files.writeString(temp, value, StandardCharsets.UTF_8);
                Files.move(temp, file);
            } catch (FileAlreadyExistsException raced) {
                Files.deleteIfExists(temp);
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            }
            return value;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the secret " + file, e);
        }
    }

    public static String randomHex(int bytes) {
        byte[] buffer = new byte[bytes];
        RANDOM.nextBytes(buffer);
        return HexFormat.of().formatHex(buffer);
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the data directory's own ACLs apply
        }
    }
}
