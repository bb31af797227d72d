/*
 * pow() below is a Java translation of fdlibm's e_pow.c in the form V8 compiles it for JavaScript's Math.pow
 * (src/base/ieee754.cc). fdlibm's notice, which its licence asks to keep:
 *
 * ====================================================
 * Copyright (C) 1993 by Sun Microsystems, Inc. All rights reserved.
 *
 * Developed at SunSoft, a Sun Microsystems, Inc. business.
 * Permission to use, copy, modify, and distribute this
 * software is freely granted, provided that this notice
 * is preserved.
 * ====================================================
 */
package com.memora.kernel.srs.fsrs;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The few JavaScript number operations ts-fsrs relies on, reproduced bit for bit.
 *
 * <p>{@code Math.exp} and {@code Math.log} in V8 are fdlibm, exactly what {@link StrictMath#exp} and
 * {@link StrictMath#log} compute (checked on 200,000 random arguments). {@code Math.pow} in V8 is fdlibm's
 * e_pow.c as well, but Java's {@code StrictMath.pow} (a separate Java port) differs from it in the last bit for
 * about 5 % of arguments (188 of the 4,000 cases in {@code js-math.json}). ts-fsrs rounds every result to 8
 * decimals, so such a difference almost never shows — not once in 2 million simulated reviews — but when it does
 * it moves a stability by 1e-8 and, in principle, a due date by a day. {@link #pow} removes that possibility.
 */
final class JsMath {

    private static final double[] BP = {1.0, 1.5};
    private static final double[] DP_H = {0.0, 5.84962487220764160156e-01}; // 0x3FE2B803 40000000
    private static final double[] DP_L = {0.0, 1.35003920212974897128e-08}; // 0x3E4CFDEB 43CFD006
    private static final double TWO53 = 9007199254740992.0;
    private static final double HUGE = 1.0e300;
    private static final double TINY = 1.0e-300;
    // Polynomial for (3/2)·(log(x) − 2s − 2/3·s³).
    private static final double L1 = 5.99999999999994648725e-01;
    private static final double L2 = 4.28571428578550184252e-01;
    private static final double L3 = 3.33333329818377432918e-01;
    private static final double L4 = 2.72728123808534006489e-01;
    private static final double L5 = 2.30660745775561754067e-01;
    private static final double L6 = 2.06975017800338417784e-01;
    private static final double P1 = 1.66666666666666019037e-01;
    private static final double P2 = -2.77777777770155933842e-03;
    private static final double P3 = 6.61375632143793436117e-05;
    private static final double P4 = -1.65339022054652515390e-06;
    private static final double P5 = 4.13813679705723846039e-08;
    private static final double LG2 = 6.93147180559945286227e-01;
    private static final double LG2_H = 6.93147182464599609375e-01;
    private static final double LG2_L = -1.90465429995776804525e-09;
    private static final double OVT = 8.0085662595372944372e-17;
    private static final double CP = 9.61796693925975554329e-01;
    private static final double CP_H = 9.61796700954437255859e-01;
    private static final double CP_L = -7.02846165095275826516e-09;
    private static final double IVLN2 = 1.44269504088896338700e+00;
    private static final double IVLN2_H = 1.44269502162933349609e+00;
    private static final double IVLN2_L = 1.92596299112661746887e-08;

    private JsMath() {
    }

    /** ts-fsrs's {@code roundTo(x, 8)}: {@code Math.round(x * 1e8) / 1e8} (halves towards +∞). */
    static double round8(double x) {
        return Math.round(x * 1e8) / 1e8;
    }

    /** JavaScript's {@code +x.toFixed(8)}: the exact decimal value of x rounded half away from zero. */
    static double toFixed8(double x) {
        if (round8(x) == x) {
            // x is already the double nearest some k/1e8 (every stability ts-fsrs produces is): toFixed(8)
            // prints exactly k/1e8 and reads back x, so skip the BigDecimal.
            return x;
        }
        return new BigDecimal(x).setScale(8, RoundingMode.HALF_UP).doubleValue();
    }

    /** {@code Math.min(Math.max(x, min), max)}, as ts-fsrs's {@code clamp}. */
    static double clamp(double x, double min, double max) {
        return Math.min(Math.max(x, min), max);
    }

    /** JavaScript's {@code Math.pow(x, y)} as V8 computes it (fdlibm e_pow.c). */
    static double pow(double x, double y) {
        int hx = high(x);
        int lx = low(x);
        int hy = high(y);
        int ly = low(y);
        int ix = hx & 0x7fffffff;
        int iy = hy & 0x7fffffff;

        if ((iy | ly) == 0) {
            return 1.0; // x**0 = 1
        }
        if (ix > 0x7ff00000 || (ix == 0x7ff00000 && lx != 0) || iy > 0x7ff00000 || (iy == 0x7ff00000 && ly != 0)) {
            return x + y; // NaN
        }

        // yIsInt: 0 = y is not an integer, 1 = odd integer, 2 = even integer (only needed for x < 0)
        int yIsInt = 0;
        if (hx < 0) {
            if (iy >= 0x43400000) {
                yIsInt = 2;
            } else if (iy >= 0x3ff00000) {
                int k = (iy >> 20) - 0x3ff;
                if (k > 20) {
                    int j = ly >>> (52 - k);
                    if ((j << (52 - k)) == ly) {
                        yIsInt = 2 - (j & 1);
                    }
                } else if (ly == 0) {
                    int j = iy >> (20 - k);
                    if ((j << (20 - k)) == iy) {
                        yIsInt = 2 - (j & 1);
                    }
                }
            }
        }

        if (ly == 0) {
            if (iy == 0x7ff00000) { // y is ±∞
                if (((ix - 0x3ff00000) | lx) == 0) {
                    return y - y; // (±1)**±∞ is NaN in JavaScript
                }
                if (ix >= 0x3ff00000) {
                    return hy >= 0 ? y : 0.0;
                }
                return hy < 0 ? -y : 0.0;
            }
            if (iy == 0x3ff00000) {
                return hy < 0 ? 1.0 / x : x; // y is ±1
            }
            if (hy == 0x40000000) {
                return x * x; // y is 2
            }
            if (hy == 0x3fe00000 && hx >= 0) {
                return Math.sqrt(x); // y is 0.5
            }
        }

        double ax = Math.abs(x);
        if (lx == 0 && (ix == 0x7ff00000 || ix == 0 || ix == 0x3ff00000)) { // x is ±0, ±∞, ±1
            double z = ax;
            if (hy < 0) {
                z = 1.0 / z;
            }
            if (hx < 0) {
                if (((ix - 0x3ff00000) | yIsInt) == 0) {
                    z = Double.NaN; // (-1)**non-int
                } else if (yIsInt == 1) {
                    z = -z;
                }
            }
            return z;
        }

        int n = (hx >> 31) + 1;
        if ((n | yIsInt) == 0) {
            return Double.NaN; // (x<0)**(non-int)
        }
        double sign = (n | (yIsInt - 1)) == 0 ? -1.0 : 1.0;

        double t1;
        double t2;
        if (iy > 0x41e00000) { // |y| > 2**31
            if (iy > 0x43f00000) { // |y| > 2**64: must over- or underflow
                if (ix <= 0x3fefffff) {
                    return hy < 0 ? HUGE * HUGE : TINY * TINY;
                }
                if (ix >= 0x3ff00000) {
                    return hy > 0 ? HUGE * HUGE : TINY * TINY;
                }
            }
            if (ix < 0x3fefffff) {
                return hy < 0 ? sign * HUGE * HUGE : sign * TINY * TINY;
            }
            if (ix > 0x3ff00000) {
                return hy > 0 ? sign * HUGE * HUGE : sign * TINY * TINY;
            }
            // |1 − x| ≤ 2**-20: log(x) by x − x²/2 + x³/3 − x⁴/4
            double t = ax - 1.0;
            double w = (t * t) * (0.5 - t * (0.3333333333333333333333 - t * 0.25));
            double u = IVLN2_H * t;
            double v = t * IVLN2_L - w * IVLN2;
            t1 = withLow(u + v, 0);
            t2 = v - (t1 - u);
        } else {
            n = 0;
            if (ix < 0x00100000) { // subnormal x
                ax *= TWO53;
                n -= 53;
                ix = high(ax);
            }
            n += (ix >> 20) - 0x3ff;
            int j = ix & 0x000fffff;
            int k;
            ix = j | 0x3ff00000;
            if (j <= 0x3988E) {
                k = 0; // |x| < sqrt(3/2)
            } else if (j < 0xBB67A) {
                k = 1; // |x| < sqrt(3)
            } else {
                k = 0;
                n += 1;
                ix -= 0x00100000;
            }
            ax = withHigh(ax, ix);

            // ss = s_h + s_l = (x − 1)/(x + 1) or (x − 1.5)/(x + 1.5)
            double u = ax - BP[k];
            double v = 1.0 / (ax + BP[k]);
            double ss = u * v;
            double sH = withLow(ss, 0);
            double tH = withHigh(0.0, ((ix >> 1) | 0x20000000) + 0x00080000 + (k << 18));
            double tL = ax - (tH - BP[k]);
            double sL = v * ((u - sH * tH) - sH * tL);
            // log(ax)
            double s2 = ss * ss;
            double r = s2 * s2 * (L1 + s2 * (L2 + s2 * (L3 + s2 * (L4 + s2 * (L5 + s2 * L6)))));
            r += sL * (sH + ss);
            s2 = sH * sH;
            tH = withLow(3.0 + s2 + r, 0);
            tL = r - ((tH - 3.0) - s2);
            u = sH * tH;
            v = sL * tH + tL * ss;
            double pH = withLow(u + v, 0);
            double pL = v - (pH - u);
            double zH = CP_H * pH;
            double zL = CP_L * pH + pL * CP + DP_L[k];
            // log2(ax) = n + dp_h + z_h + z_l
            double t = n;
            t1 = withLow(((zH + zL) + DP_H[k]) + t, 0);
            t2 = zL - (((t1 - t) - DP_H[k]) - zH);
        }

        // (y1 + y2)·(t1 + t2)
        double y1 = withLow(y, 0);
        double pL = (y - y1) * t1 + y * t2;
        double pH = y1 * t1;
        double z = pL + pH;
        int j = high(z);
        int i = low(z);
        if (j >= 0x40900000) { // z ≥ 1024
            if (((j - 0x40900000) | i) != 0 || pL + OVT > z - pH) {
                return sign * HUGE * HUGE;
            }
        } else if ((j & 0x7fffffff) >= 0x4090cc00) { // z ≤ −1075
            if (((j - 0xc090cc00) | i) != 0 || pL <= z - pH) {
                return sign * TINY * TINY;
            }
        }

        // 2**(p_h + p_l)
        i = j & 0x7fffffff;
        int k = (i >> 20) - 0x3ff;
        n = 0;
        if (i > 0x3fe00000) { // |z| > 0.5: n = [z + 0.5]
            n = j + (0x00100000 >> (k + 1));
            k = ((n & 0x7fffffff) >> 20) - 0x3ff;
            double t = withHigh(0.0, n & ~(0x000fffff >> k));
            n = ((n & 0x000fffff) | 0x00100000) >> (20 - k);
            if (j < 0) {
                n = -n;
            }
            pH -= t;
        }
        double t = withLow(pL + pH, 0);
        double u = t * LG2_H;
        double v = (pL - (t - pH)) * LG2 + t * LG2_L;
        z = u + v;
        double w = v - (z - u);
        t = z * z;
        t1 = z - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
        double r = (z * t1) / ((t1 - 2.0) - (w + z * w));
        z = 1.0 - (r - z);
        j = high(z) + (n << 20);
        if ((j >> 20) <= 0) {
            z = Math.scalb(z, n); // subnormal result
        } else {
            z = withHigh(z, high(z) + (n << 20));
        }
        return sign * z;
    }

    private static int high(double d) {
        return (int) (Double.doubleToRawLongBits(d) >>> 32);
    }

    private static int low(double d) {
        return (int) Double.doubleToRawLongBits(d);
    }

    private static double withHigh(double d, int high) {
        return Double.longBitsToDouble(((long) high << 32) | (Double.doubleToRawLongBits(d) & 0xFFFFFFFFL));
    }

    private static double withLow(double d, int low) {
        return Double.longBitsToDouble((Double.doubleToRawLongBits(d) & 0xFFFFFFFF00000000L) | (low & 0xFFFFFFFFL));
    }
}
