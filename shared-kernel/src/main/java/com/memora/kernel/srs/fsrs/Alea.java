package com.memora.kernel.srs.fsrs;

/**
 * The Alea generator (Johannes Baagøe) exactly as ts-fsrs ships it, seeded from a string. ts-fsrs draws one
 * number from a fresh generator per fuzzed interval; reproducing its arithmetic in doubles (including the
 * JavaScript {@code >>> 0} and {@code | 0} conversions) gives the same number.
 */
final class Alea {

    private static final double TWO_POW_MINUS_32 = 2.3283064365386963e-10;

    private double c = 1;
    private double s0;
    private double s1;
    private double s2;

    Alea(String seed) {
        Mash mash = new Mash();
        s0 = mash.mash(" ");
        s1 = mash.mash(" ");
        s2 = mash.mash(" ");
        s0 -= mash.mash(seed);
        if (s0 < 0) {
            s0 += 1;
        }
        s1 -= mash.mash(seed);
        if (s1 < 0) {
            s1 += 1;
        }
        s2 -= mash.mash(seed);
        if (s2 < 0) {
            s2 += 1;
        }
    }

    /** The next number in [0, 1). */
    double next() {
        double t = 2091639 * s0 + c * TWO_POW_MINUS_32;
        s0 = s1;
        s1 = s2;
        c = toInt32(t);
        s2 = t - c;
        return s2;
    }

    /** Alea's string hash; its state carries over from one call to the next. */
    private static final class Mash {
        private double n = 4022871197d;

        double mash(String data) {
            for (int i = 0; i < data.length(); i++) {
                n += data.charAt(i);
                double h = 0.02519603282416938 * n;
                n = toUint32(h);
                h -= n;
                h *= n;
                n = toUint32(h);
                h -= n;
                n += h * 4294967296d;
            }
            return toUint32(n) * TWO_POW_MINUS_32;
        }
    }

    /** JavaScript's {@code x >>> 0} for the finite values Alea produces. */
    private static double toUint32(double x) {
        return (double) (((long) x) & 0xFFFFFFFFL);
    }

    /** JavaScript's {@code x | 0} for the finite values Alea produces. */
    private static double toInt32(double x) {
        return (int) (long) x;
    }
}
