package com.memora.projection.export.files;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * One file of a plan's output: where it goes (relative to the content root), its JSON tree and its rendered bytes.
 * The tree is the builder's own; treat it as read-only.
 */
public record GeneratedFile(FileKind kind, String path, ObjectNode json, byte[] bytes) {

    public GeneratedFile {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(bytes, "bytes");
    }

    static GeneratedFile of(FileKind kind, String path, ObjectNode json) {
        return new GeneratedFile(kind, path, json, ExportJson.render(json));
    }

    public int size() {
        return bytes.length;
    }

    /** The hash of what the file means, ignoring version, generation time and signatures (decisions F5). */
    public String meaningHash() {
        return MeaningHash.of(json);
    }

    public String text() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof GeneratedFile that && kind == that.kind && path.equals(that.path)
               && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, path, Arrays.hashCode(bytes));
    }

    @Override
    public String toString() {
        return "GeneratedFile[" + path + ", " + bytes.length + " bytes]";
    }
}
