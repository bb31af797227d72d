package com.memora.kernel.srs.fsrs;

import static com.memora.kernel.srs.fsrs.JsMath.clamp;
import static com.memora.kernel.srs.fsrs.JsMath.pow;
import static com.memora.kernel.srs.fsrs.JsMath.round8;

import java.util.List;

/**
 * ts-fsrs clips every weight into a fixed range before using it ({@code clipParameters}); weights outside those
 * ranges are not refused there, so they are not refused here either — they are clipped the same way, which is
 * what keeps custom weights agreeing with the reference.
 */
final class WeightClipping {

    private static final double W17_W18_CEILING = 2;
    private static final double[][] RANGES = {
        {0.001, 100}, {0.001, 100}, {0.001, 100}, {0.001, 100}, // w0–w3: initial stabilities
        {1, 10}, {0.001, 4}, {0.001, 4}, {0.001, 0.75},          // w4–w7: difficulty
        {0, 4.5}, {0, 0.8}, {0.001, 3.5},                         // w8–w10: recall
        {0.001, 5}, {0.001, 0.25}, {0.001, 0.9}, {0, 4},          // w11–w14: lapse
        {0, 1}, {1, 6},                                           // w15, w16: hard penalty, easy bonus
        {0, W17_W18_CEILING}, {0, W17_W18_CEILING},               // w17, w18: same-day reviews
        {0.01, 0.8},                                              // w19 (lower bound 0 without short-term)
        {0.1, 0.8},                                               // w20: decay
    };

    private WeightClipping() {
    }

    static double[] clip(List<Double> weights, int relearningStepCount, boolean shortTerm) {
        double[][] ranges = new double[RANGES.length][];
        for (int i = 0; i < RANGES.length; i++) {
            ranges[i] = RANGES[i].clone();
        }
        if (!shortTerm) {
            ranges[19][0] = 0;
        }
        if (relearningStepCount > 1) {
            // Several relearning steps must not be able to push a lapsed card's stability up again, so
            // w17·w18 is capped according to the lapse formula's weights (ts-fsrs clipParameters).
            double w11 = clamp(weights.get(11), ranges[11][0], ranges[11][1]);
            double w13 = clamp(weights.get(13), ranges[13][0], ranges[13][1]);
            double w14 = clamp(weights.get(14), ranges[14][0], ranges[14][1]);
            double value = -(StrictMath.log(w11) + StrictMath.log(pow(2, w13) - 1) + w14 * 0.3) / relearningStepCount;
            double ceiling = clamp(round8(Math.sqrt(Math.max(value, 0))), 0.01, W17_W18_CEILING);
            ranges[17][1] = ceiling;
            ranges[18][1] = ceiling;
        }
        double[] clipped = new double[RANGES.length];
        for (int i = 0; i < clipped.length; i++) {
            clipped[i] = clamp(weights.get(i), ranges[i][0], ranges[i][1]);
        }
        return clipped;
    }
}
