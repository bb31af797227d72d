package com.memora.kernel.srs.fsrs;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * JavaScript's {@code String(number)} (ECMAScript Number::toString): the shortest decimal that reads back as the
 * same double, the closest such one when several have that length, then plain or exponent notation by the
 * spec's thresholds. ts-fsrs builds its fuzz seed from such a string, so it must match character for character.
 * (Java 17's {@link Double#toString} is neither always shortest nor formatted the same way.)
 */
final class JsNumbers {

    private JsNumbers() {
    }

    static String toString(double x) {
        if (Double.isNaN(x)) {
            return "NaN";
        }
        if (x == 0) {
            return "0"; // also -0
        }
        if (x < 0) {
            return "-" + toString(-x);
        }
        if (Double.isInfinite(x)) {
            return "Infinity";
        }
        BigDecimal shortest = shortestRoundTrip(x);
        String digits = shortest.unscaledValue().toString();
        int k = digits.length();
        int n = k - shortest.scale(); // x = 0.d1d2…dk × 10^n
        if (k <= n && n <= 21) {
            return digits + "0".repeat(n - k);
        }
        if (0 < n && n <= 21) {
            return digits.substring(0, n) + "." + digits.substring(n);
        }
        if (-6 < n && n <= 0) {
            return "0." + "0".repeat(-n) + digits;
        }
        int exponent = n - 1;
        String mantissa = k == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return mantissa + "e" + (exponent < 0 ? "-" : "+") + Math.abs(exponent);
    }

    /** The fewest significant digits that read back as x; of two candidates the closer, on a tie the even one. */
    private static BigDecimal shortestRoundTrip(double x) {
        BigDecimal exact = new BigDecimal(x);
        for (int precision = 1; precision <= 17; precision++) {
            BigDecimal below = exact.round(new MathContext(precision, RoundingMode.FLOOR));
            BigDecimal above = exact.round(new MathContext(precision, RoundingMode.CEILING));
            boolean belowFits = below.doubleValue() == x;
            boolean aboveFits = above.doubleValue() == x;
            if (belowFits && aboveFits) {
                int closer = exact.subtract(below).compareTo(above.subtract(exact));
                if (closer != 0) {
                    return (closer < 0 ? below : above).stripTrailingZeros();
                }
                boolean belowEven = !below.unscaledValue().testBit(0);
                return (belowEven ? below : above).stripTrailingZeros();
            }
            if (belowFits) {
                return below.stripTrailingZeros();
            }
            if (aboveFits) {
                return above.stripTrailingZeros();
            }
        }
        return exact.round(MathContext.DECIMAL64).stripTrailingZeros(); // unreachable: 17 digits always fit
    }
}
