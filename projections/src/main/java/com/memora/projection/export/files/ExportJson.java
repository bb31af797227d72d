package com.memora.projection.export.files;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How export files are written: UTF-8 with every non-ASCII character kept as is (Arabic titles stay readable),
 * 2-space indentation, {@code "key": value}, {@code []} and {@code {}} for empty containers, {@code \n} line ends
 * and a final newline. Fields appear in the order the builder adds them, so the same tree always gives the same
 * bytes (decisions F6).
 */
public final class ExportJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();
    private static final DefaultIndenter TWO_SPACES = new DefaultIndenter("  ", "\n");
    private static final ObjectWriter PRETTY = MAPPER.writer(
            new DefaultPrettyPrinter(Separators.createDefaultInstance()
                                               .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                                               .withObjectEmptySeparator("")
                                               .withArrayEmptySeparator(""))
                    .withObjectIndenter(TWO_SPACES)
                    .withArrayIndenter(TWO_SPACES));
    private static final ObjectWriter COMPACT = MAPPER.writer();
    private static final byte NEWLINE = '\n';

    private ExportJson() {
    }

    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    public static ArrayNode array() {
        return JsonNodeFactory.instance.arrayNode();
    }

    /** The file's bytes. */
    public static byte[] render(JsonNode root) {
        try {
            byte[] json = PRETTY.writeValueAsBytes(root);
            byte[] file = new byte[json.length + 1];
            System.arraycopy(json, 0, file, 0, json.length);
            file[json.length] = NEWLINE;
            return file;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON tree could not be written", e);
        }
    }

    /** One line, no spaces; used for hashing, never for files. */
    static byte[] compact(JsonNode root) {
        try {
            return COMPACT.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON tree could not be written", e);
        }
    }

    /** Reads a file back, numbers with their exact decimal value. */
    public static JsonNode parse(byte[] bytes) {
        try {
            return MAPPER.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("Not a JSON document: " + e.getMessage(), e);
        }
    }

    /**
     * A copy of the tree with the members of every object sorted by name, at every depth. Stage configs come from
     * editors and from whatever store the content model uses; sorting makes their output independent of the order
     * the store hands the keys back in.
     */
    public static JsonNode sortedCopy(JsonNode node) {
        if (node.isObject()) {
            List<Map.Entry<String, JsonNode>> members = new ArrayList<>(node.properties());
            members.sort(Map.Entry.comparingByKey());
            ObjectNode sorted = object();
            members.forEach(member -> sorted.set(member.getKey(), sortedCopy(member.getValue())));
            return sorted;
        }
        if (node.isArray()) {
            ArrayNode copy = array();
            node.forEach(element -> copy.add(sortedCopy(element)));
            return copy;
        }
        return node.deepCopy();
    }
}
