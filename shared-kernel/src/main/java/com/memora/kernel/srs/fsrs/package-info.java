/**
 * The FSRS-6 spaced-repetition scheduler (fsrs.md, decisions S2): pure, deterministic, no Spring and no I/O.
 *
 * <p>{@link com.memora.kernel.srs.fsrs.FsrsScheduler} agrees with the reference implementation, ts-fsrs 5.x,
 * to the millisecond for due times and to the last bit for stability, difficulty and retrievability: it performs
 * the same floating-point operations in the same order, rounds where ts-fsrs rounds (8 decimals), uses fdlibm's
 * {@code exp}/{@code log} ({@link java.lang.StrictMath}, the same code V8 runs) and a port of V8's {@code pow},
 * which {@code StrictMath.pow} does not reproduce bit for bit. The test vectors in
 * {@code shared-kernel/src/test/resources/fsrs} come from {@code tools/fsrs-vectors}.
 */
package com.memora.kernel.srs.fsrs;
