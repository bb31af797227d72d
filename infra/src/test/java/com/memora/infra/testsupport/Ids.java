package com.memora.infra.testsupport;

import java.util.concurrent.atomic.AtomicInteger;

/** Unique ids per test run, so tests sharing one database never collide. */
public final class Ids {

    private static final String RUN = Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
    private static final AtomicInteger NEXT = new AtomicInteger();

    private Ids() {
    }

    /** A season id such as {@code SEASON-2026-R1A2B3C_7}. */
    public static String season() {
        return "SEASON-2026-" + RUN + "_" + NEXT.incrementAndGet();
    }

    /** A content id such as {@code MATH-r1a2b3c-7}. */
    public static String node(String prefix) {
        return prefix + "-" + RUN.toLowerCase() + "-" + NEXT.incrementAndGet();
    }
}
