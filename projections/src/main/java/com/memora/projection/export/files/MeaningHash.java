package com.memora.projection.export.files;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;

/**
 * What a file means, as a SHA-256 hex digest (decisions F5). Two files with the same meaning hash differ at most
 * in what every build changes anyway:
 * <ul>
 *   <li>the top-level {@code version}, {@code generated_at} and {@code signed_url_expiry};</li>
 *   <li>the signature of a signed video link: the query parameters a pre-signed S3 URL adds ({@code X-Amz-*}, and
 *       {@code AWSAccessKeyId}, {@code Signature}, {@code Expires} of the older scheme) in the {@code video_url}
 *       of a Video stage. Other query parameters (an external player's {@code ?v=…}) are meaning.</li>
 * </ul>
 * Object members are compared regardless of their order, array elements in order. The hash is computed from a
 * file's bytes as easily as from a fresh build, so a pipeline can compare a new file with what is on disk.
 */
public final class MeaningHash {

    private static final Set<String> TOP_LEVEL_NOISE = Set.of("version", "generated_at", "signed_url_expiry");
    private static final Set<String> SIGNATURE_PARAMETERS = Set.of("awsaccesskeyid", "signature", "expires");

    private MeaningHash() {
    }

    public static String of(JsonNode root) {
        JsonNode meaning = meaningOf(root);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                                                         .digest(ExportJson.compact(meaning)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** @throws java.io.UncheckedIOException when the bytes are not JSON */
    public static String of(byte[] fileBytes) {
        return of(ExportJson.parse(fileBytes));
    }

    /** The canonical tree that is hashed: noise removed, members sorted, numbers in one form. */
    static JsonNode meaningOf(JsonNode root) {
        JsonNode copy = canonicalNumbers(ExportJson.sortedCopy(root));
        if (copy instanceof ObjectNode object) {
            object.remove(TOP_LEVEL_NOISE);
            JsonNode stages = object.get("stages");
            if (stages != null && stages.isArray()) {
                stages.forEach(MeaningHash::unsignVideo);
            }
        }
        return copy;
    }

    /**
     * Numbers by value: {@code 100}, {@code 100.0} and {@code 1E+2} are one meaning, whether the number came from a
     * fresh build (a double in a stage config) or from a file read back from disk (a decimal).
     */
    private static JsonNode canonicalNumbers(JsonNode node) {
        if (node.isNumber()) {
            return new TextNode(node.decimalValue().stripTrailingZeros().toPlainString());
        }
        if (node instanceof ObjectNode object) {
            object.properties().forEach(member -> member.setValue(canonicalNumbers(member.getValue())));
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, canonicalNumbers(array.get(i)));
            }
        }
        return node;
    }

    private static void unsignVideo(JsonNode stage) {
        if (!"Video".equals(stage.path("type").asText()) || !(stage.get("config") instanceof ObjectNode config)) {
            return;
        }
        JsonNode url = config.get("video_url");
        if (url != null && url.isTextual()) {
            config.put("video_url", withoutSignature(url.asText()));
        }
    }

    /** The URL without the query parameters of an S3 pre-signature; everything else is kept in order. */
    static String withoutSignature(String url) {
        int query = url.indexOf('?');
        if (query < 0) {
            return url;
        }
        int fragment = url.indexOf('#', query);
        String parameters = fragment < 0 ? url.substring(query + 1) : url.substring(query + 1, fragment);
        StringJoiner kept = new StringJoiner("&");
        for (String parameter : parameters.split("&")) {
            String name = parameter.split("=", 2)[0].toLowerCase(Locale.ROOT);
            if (!name.startsWith("x-amz-") && !SIGNATURE_PARAMETERS.contains(name) && !parameter.isEmpty()) {
                kept.add(parameter);
            }
        }
        return url.substring(0, query) + (kept.length() == 0 ? "" : "?" + kept)
               + (fragment < 0 ? "" : url.substring(fragment));
    }
}
