package com.memora.infra.files;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.memora.projection.export.cdn.Md5;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.zip.GZIPOutputStream;

/**
 * The small files the local origin serves, with their MD5 (the ETag) and gzip form, so that a thousand clients
 * reading the same lessons cost a stat each instead of a read, a hash and a compression each. An entry is keyed by
 * the path and the file's identity — inode, size and modification time — and the store replaces files only by
 * atomic rename (F9), which gives the new file a new inode: a replaced file is never served from a stale entry.
 * Bounded by bytes, least recently used first out.
 */
final class ServedFileCache {

    /** Below this, gzip costs more than it saves. */
    static final int GZIP_FROM_BYTES = 256;

    private final Cache<Key, ServedFile> files;

    ServedFileCache(long maxBytes) {
        this.files = Caffeine.newBuilder()
                             .maximumWeight(maxBytes)
                             .weigher((Key key, ServedFile file) -> file.weight())
                             .build();
    }

    /** The file as served; {@code reader} reads it on a miss (after {@code attributes} were taken). */
    ServedFile get(String path, BasicFileAttributes attributes, FileReader reader) throws IOException {
        Key key = new Key(path, attributes.fileKey(), attributes.size(), attributes.lastModifiedTime().toMillis());
        ServedFile cached = files.getIfPresent(key);
        if (cached != null) {
            return cached;
        }
        ServedFile loaded = ServedFile.of(reader.read());
        files.put(key, loaded);
        return loaded;
    }

    @FunctionalInterface
    interface FileReader {
        byte[] read() throws IOException;
    }

    /** @param fileKey the inode on Linux; null where the file system has none (size and time still key it) */
    private record Key(String path, Object fileKey, long size, long modifiedMillis) {
    }

    /** @param gzipped null when the file is too small to be worth compressing */
    record ServedFile(byte[] bytes, String md5, byte[] gzipped) {

        static ServedFile of(byte[] bytes) {
            return new ServedFile(bytes, Md5.hex(bytes), bytes.length >= GZIP_FROM_BYTES ? gzip(bytes) : null);
        }

        int weight() {
            return bytes.length + (gzipped == null ? 0 : gzipped.length) + 64;
        }

        private static byte[] gzip(byte[] bytes) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 3 + 64);
            try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
                zip.write(bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toByteArray();
        }
    }
}
