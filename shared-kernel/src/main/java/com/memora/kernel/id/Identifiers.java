package com.memora.kernel.id;

import java.util.regex.Pattern;

/**
 * The identifier rules of decisions I1. Content, plan and override ids become file paths and bucket keys, so the
 * pattern admits no dot, slash or whitespace: a {@code ..} can never reach a delete.
 */
public final class Identifiers {

    /** Content, plan and override ids (I1). */
    public static final String NODE_ID_REGEX = "^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$";
    /** Season ids are the business key {@code SEASON-YYYY[-SUFFIX]} (I1, S1). */
    public static final String SEASON_ID_REGEX = "^SEASON-\\d{4}(-[A-Z0-9_]{1,20})?$";

    private static final Pattern NODE_ID = Pattern.compile(NODE_ID_REGEX);
    private static final Pattern SEASON_ID = Pattern.compile(SEASON_ID_REGEX);

    private Identifiers() {
    }

    public static boolean isValidNodeId(String id) {
        return id != null && NODE_ID.matcher(id).matches();
    }

    public static boolean isValidSeasonId(String id) {
        return id != null && SEASON_ID.matcher(id).matches();
    }
}
