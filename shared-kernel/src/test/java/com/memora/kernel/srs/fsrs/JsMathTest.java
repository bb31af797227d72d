package com.memora.kernel.srs.fsrs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * The JavaScript number operations ts-fsrs depends on, against values Node computed ({@code fsrs/js-math.json},
 * written by {@code tools/fsrs-vectors}).
 */
class JsMathTest {

    private static final JsonNode VECTORS = TsFsrsReferenceVectorsTest.read("/fsrs/js-math.json");

    @Test
    void powIsV8sMathPowToTheLastBit() {
        int checked = 0;
        int strictMathDiffers = 0;
        for (JsonNode c : VECTORS.get("pow")) {
            double x = c.get(0).asDouble();
            double y = c.get(1).asDouble();
            double expected = c.get(2).asDouble();
            assertThat(JsMath.pow(x, y)).as("pow(%s, %s)", x, y).isEqualTo(expected);
            strictMathDiffers += StrictMath.pow(x, y) != expected ? 1 : 0;
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(4000);
        // Why the port exists: Java's own fdlibm pow would not do.
        assertThat(strictMathDiffers).isPositive();
    }

    @Test
    void powHandlesTheSpecialCasesLikeJavaScript() {
        assertThat(JsMath.pow(10, 8)).isEqualTo(1e8);
        assertThat(JsMath.pow(-0.1542, -1)).isEqualTo(1 / -0.1542);
        assertThat(JsMath.pow(2, 0.5)).isEqualTo(Math.sqrt(2));
        assertThat(JsMath.pow(3, 0)).isEqualTo(1);
        assertThat(JsMath.pow(1, Double.POSITIVE_INFINITY)).isNaN(); // JavaScript, unlike IEEE 754-2008
        assertThat(JsMath.pow(-8, 1.0 / 3)).isNaN();
        assertThat(JsMath.pow(-2, 3)).isEqualTo(-8);
        assertThat(JsMath.pow(0, -1)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(JsMath.pow(1e300, 2)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(JsMath.pow(2, -1074)).isEqualTo(Double.MIN_VALUE);
    }

    @Test
    void numbersPrintAsJavaScriptPrintsThem() {
        int checked = 0;
        for (JsonNode c : VECTORS.get("numberToString")) {
            assertThat(JsNumbers.toString(c.get(0).asDouble())).isEqualTo(c.get(1).asText());
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(3000);
        assertThat(JsNumbers.toString(-0.0)).isEqualTo("0");
        assertThat(JsNumbers.toString(-1.5)).isEqualTo("-1.5");
        assertThat(JsNumbers.toString(Double.NaN)).isEqualTo("NaN");
        assertThat(JsNumbers.toString(2e-3)).isEqualTo("0.002"); // Java says 0.002, but 1.0E-4 below
        assertThat(JsNumbers.toString(1e-4)).isEqualTo("0.0001");
        assertThat(JsNumbers.toString(100)).isEqualTo("100");
    }

    @Test
    void toFixed8IsJavaScriptsToFixedReadBack() {
        int checked = 0;
        for (JsonNode c : VECTORS.get("toFixed8")) {
            double x = c.get(0).asDouble();
            assertThat(JsMath.toFixed8(x)).as("+(%s).toFixed(8)", x).isEqualTo(c.get(1).asDouble());
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(2000);
    }

    @Test
    void roundingIsTsFsrsRoundTo8AndToFixed8() {
        assertThat(JsMath.round8(1.234567895)).isEqualTo(1.2345679);
        assertThat(JsMath.round8(2.5e-9)).isEqualTo(0);          // 0.25 rounds down
        assertThat(JsMath.round8(-0.000000005)).isEqualTo(0);    // halves go towards +∞, as Math.round does
        assertThat(JsMath.round8(5e-9)).isEqualTo(1e-8);
        // toFixed rounds the double's exact decimal value, Math.round(x·1e8) the product; values from Node:
        assertThat(JsMath.toFixed8(1.000000005)).isEqualTo(1.0);
        assertThat(JsMath.round8(1.000000005)).isEqualTo(1.00000001);
        assertThat(JsMath.toFixed8(0.123456785)).isEqualTo(0.12345678);
        assertThat(JsMath.round8(0.123456785)).isEqualTo(0.12345679);
        assertThat(JsMath.toFixed8(12.345678905)).isEqualTo(12.3456789);
        assertThat(JsMath.toFixed8(3.14159265358979)).isEqualTo(3.14159265);
    }
}
