package com.memora.command.web;

import java.security.SecureRandom;

/**
 * Ids for creates that do not bring their own: ten lower-case letters and digits, like the original's random ids
 * (e.g. {@code qunhaa99lf}), which match decisions I1 and are safe as file names.
 */
public final class GeneratedIds {

    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private GeneratedIds() {
    }

    public static String next() {
        char[] id = new char[10];
        for (int i = 0; i < id.length; i++) {
            id[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(id);
    }

    public static String orGenerated(String given) {
        return given == null ? next() : given;
    }
}
