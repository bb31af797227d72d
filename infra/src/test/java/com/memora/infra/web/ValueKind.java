package com.memora.infra.web;

import com.memora.kernel.id.Identifiers;
import jakarta.validation.constraints.Pattern;
import org.springframework.core.MethodParameter;

import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * What a path variable or query parameter takes, read from the handler's declaration (its Java type and its
 * {@code @Pattern}), with a well-formed value nobody has created and values that are wrong for it. Values are
 * written as they go into a URL (percent-encoded where needed).
 */
enum ValueKind {

    /** Content, plan and override ids (decisions I1). */
    NODE_ID(() -> "nosuch-probe-" + Long.toString(System.nanoTime(), 36),
            List.of("-1", "_leading-underscore")),
    /** {@code SEASON-YYYY[-SUFFIX]} (I1). */
    SEASON_ID(() -> "SEASON-2999-NOSUCH_PROBE",
              List.of("season-2026", "SEASON-26", "SEASON-2026-lower")),
    /** Background jobs and imports. */
    JOB_ID(() -> UUID.randomUUID().toString(),
           List.of("abc", "12345", "-1", "00000000-0000-0000-0000-00000000000Z")),
    /** Sync-log entries and other numeric keys. */
    NUMBER(() -> "987654321",
           List.of("abc", "-1", "1.5", "99999999999999999999")),
    BOOLEAN(() -> "true",
            List.of("maybe", "2", "yes-please")),
    ENUM(() -> "NOSUCH_VALUE",
         List.of("nosuch-value", "")),
    /** A name the handler checks itself (a processing group, a role, a season it looks up without a pattern). */
    FREE_TEXT(() -> "nosuch-probe",
              List.of("-1", "x".repeat(300))),
    /** The rest of a path ({@code /**}): a file of the local origin. */
    REST_OF_PATH(() -> "nosuch/probe.json",
                 List.of("..%2F..%2Fetc%2Fpasswd", "plans/..%252F..%252Fsecret.json", "nosuch/probe.prev",
                         "nosuch/%C3%A9t%C3%A9.json", "x".repeat(300) + ".json"));

    /**
     * Wrong for every kind: whitespace, a dot-dot segment, an overlong id, an encoded slash, an encoded dot-dot,
     * a non-ASCII letter, a semicolon (path parameter), an encoded backslash, an encoded NUL.
     */
    private static final List<String> WRONG_FOR_ALL =
            List.of("a%20b", "..", "x".repeat(70), "a%2Fb", "%2E%2E", "%C3%A9t%C3%A9", "a;b", "a%5Cb", "a%00b");

    private final Supplier<String> unknown;
    private final List<String> malformed;

    ValueKind(Supplier<String> unknown, List<String> malformed) {
        this.unknown = unknown;
        this.malformed = malformed;
    }

    /** A value of the right shape that names nothing that exists. */
    String unknown() {
        return unknown.get();
    }

    /** Values of the wrong shape, each worth a 400 (or a 404 where the handler looks the name up itself). */
    List<String> malformed() {
        if (this == BOOLEAN || this == ENUM) {
            return malformed;
        }
        List<String> all = new java.util.ArrayList<>(malformed);
        all.addAll(this == REST_OF_PATH ? List.of("a%20b/..", "%2E%2E/x.json", "a;b/x.json") : WRONG_FOR_ALL);
        return all;
    }

    static ValueKind of(MethodParameter parameter) {
        Class<?> type = parameter.nestedIfOptional().getNestedParameterType();
        if (type == UUID.class) {
            return JOB_ID;
        }
        if (type == boolean.class || type == Boolean.class) {
            return BOOLEAN;
        }
        if (type.isPrimitive() || Number.class.isAssignableFrom(type)) {
            return NUMBER;
        }
        if (type.isEnum()) {
            return ENUM;
        }
        Pattern pattern = parameter.getParameterAnnotation(Pattern.class);
        if (pattern == null) {
            return FREE_TEXT;
        }
        if (pattern.regexp().equals(Identifiers.SEASON_ID_REGEX)) {
            return SEASON_ID;
        }
        if (pattern.regexp().equals(Identifiers.NODE_ID_REGEX)) {
            return NODE_ID;
        }
        throw new IllegalStateException("Teach ValueKind the pattern " + pattern.regexp() + " of " + parameter);
    }
}
