package org.hiddenneurons.core.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.hiddenneurons.core.Activation;

/**
 * The logistic function a = 1 / (1 + e^−z) for whole arrays with SIMD, within
 * {@link #MAX_ERROR_ULPS} ulps of {@link Activation#sigmoid} (which calls {@link Math#exp} once per
 * value, 10–14 ns with its sign branch; this takes ~3 ns per value on one AVX2 core).
 *
 * <p>With t = −|z| ≤ 0, e = e^t (never overflows), a = 1/(1 + e) for z ≥ 0 and e/(1 + e) for z &lt; 0.
 * e^t = 2^k · e^r with k = round(t·log₂e) and r = t − k·ln 2 (Cody–Waite: ln 2 in two parts, the
 * first with trailing zero bits so that k·ln2Hi is exact), |r| ≤ ½ ln 2, and e^r by its Taylor
 * polynomial of degree 13 (truncation error below 5·10⁻¹⁸). 2^k is added to the exponent bits;
 * k is read from the low bits of t·log₂e + 1.5·2⁵² (no double → long conversion, which AVX2 lacks).
 *
 * <p>Bits: only IEEE-exact operations (add, multiply, divide, {@link Math#fma} when the kernel
 * fuses, bit shifts), lane by lane in the same order in {@link #scalar} and in the vector loop, so
 * both — interpreted or compiled — give the same bits. Values with |z| &gt; {@link #REDUCED_LIMIT}
 * or NaN go to {@link Activation#sigmoid} in both.
 */
final class VectorSigmoid {

    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();

    /** Bound on the distance from {@link Activation#sigmoid}, in ulps of the result (tested). */
    static final int MAX_ERROR_ULPS = 4;
    /** Beyond this |z|, 2^k would leave the normal range; such values take {@link Activation#sigmoid}. */
    static final double REDUCED_LIMIT = 708.0;

    private static final double LOG2_E = 1.4426950408889634;
    /** ln 2 = LN2_HI + LN2_LO; LN2_HI has 21 trailing zero bits (fdlibm's split). */
    private static final double LN2_HI = 6.93147180369123816490e-01;
    private static final double LN2_LO = 1.90821492927058770002e-10;
    /** 1.5·2⁵²: adding it rounds to an integer k and leaves k in the low bits. */
    private static final double ROUNDING_SHIFTER = 0x1.8p52;
    private static final int MANTISSA_BITS = 52;
    /** 1/n!: the Taylor coefficients of e^r from r^13 down to r^2 (those of r and 1 are 1). */
    private static final double C13 = 1.0 / 6227020800.0;
    private static final double C12 = 1.0 / 479001600.0;
    private static final double C11 = 1.0 / 39916800.0;
    private static final double C10 = 1.0 / 3628800.0;
    private static final double C9 = 1.0 / 362880.0;
    private static final double C8 = 1.0 / 40320.0;
    private static final double C7 = 1.0 / 5040.0;
    private static final double C6 = 1.0 / 720.0;
    private static final double C5 = 1.0 / 120.0;
    private static final double C4 = 1.0 / 24.0;
    private static final double C3 = 1.0 / 6.0;
    private static final double C2 = 0.5;

    private VectorSigmoid() {
    }

    /**
     * a[i] = sigmoid(z[i]) for i in [0, length).
     *
     * @param vector whether to run the vector loop (false: {@link #scalar} for every value, same bits)
     * @param fused  whether a·b + c is one fused operation (the kernel's choice, see {@link VectorKernel#USE_FMA})
     * @param a      modified
     */
    static void apply(double[] z, double[] a, int length, boolean vector, boolean fused) {
        int i = 0;
        if (vector) {
            i = length - length % LANES;
            vectorLoop(z, a, i, fused);
        }
        for (; i < length; i++) {
            a[i] = scalar(z[i], fused);
        }
    }

    /**
     * The vector lanes for [0, end): one loop, vectors only as locals, and no call in it (a vector
     * passed to a call the JIT does not inline becomes a heap object, and a call it does inline
     * uses up the inlining budget that the Vector API's own methods need). Lanes out of range get
     * z first and their {@link #scalar} value afterwards.
     */
    private static void vectorLoop(double[] z, double[] a, int end, boolean fused) {
        boolean outOfRange = false;
        for (int i = 0; i < end; i += LANES) {
            DoubleVector z0 = DoubleVector.fromArray(SPECIES, z, i);
            DoubleVector t = z0.abs();
            VectorMask<Double> inRange = t.compare(VectorOperators.LE, REDUCED_LIMIT);
            outOfRange |= !inRange.allTrue();
            t = t.neg();
            DoubleVector shifted = t.mul(LOG2_E).add(ROUNDING_SHIFTER);
            DoubleVector k = shifted.sub(ROUNDING_SHIFTER);
            DoubleVector r = t.sub(k.mul(LN2_HI)).sub(k.mul(LN2_LO));
            DoubleVector p = DoubleVector.broadcast(SPECIES, C13);
            p = fused ? p.fma(r, DoubleVector.broadcast(SPECIES, C12)) : p.mul(r).add(C12);
            p = fused ? p.fma(r, DoubleVector.broadcast(SPECIES, C11)) : p.mul(r).add(C11);
            p = fused ? p.fma(r, DoubleVector.broadcast(SPECIES, C10)) : p.mul(r).add(C10);
            p = fused ? p.fma(r, DoubleVector.broadcast(SPECIES, C9)) : p.mul(r).add(C9);
            p = fused ? p.fma(r, DoubleVector.broadcast(SPECIES, C8)) : p.mul(r).add(C8);
            p = fused ? p.fma(r, DoubleVector.broadcast(SPECIES, C7)) : p.mul(r).add(C7);
            p = fused ? p.fma(r, DoubleVector.broadcast(SPECIES, C6)) : p.mul(r).add(C6);
            p = fused ? p.fma(r, DoubleVector.broadcast(SPECIES, C5)) : p.mul(r).add(C5);
            p = fused ? p.fma(r, DoubleVector.broadcast(SPECIES, C4)) : p.mul(r).add(C4);
            p = fused ? p.fma(r, DoubleVector.broadcast(SPECIES, C3)) : p.mul(r).add(C3);
            p = fused ? p.fma(r, DoubleVector.broadcast(SPECIES, C2)) : p.mul(r).add(C2);
            p = fused ? p.fma(r, DoubleVector.broadcast(SPECIES, 1.0)) : p.mul(r).add(1.0);
            p = fused ? p.fma(r, DoubleVector.broadcast(SPECIES, 1.0)) : p.mul(r).add(1.0);
            LongVector exponent = shifted.reinterpretAsLongs().lanewise(VectorOperators.LSHL, MANTISSA_BITS);
            DoubleVector e = p.reinterpretAsLongs().add(exponent).reinterpretAsDoubles();
            VectorMask<Double> negative = z0.compare(VectorOperators.LT, 0.0);
            DoubleVector sigmoid = DoubleVector.broadcast(SPECIES, 1.0).blend(e, negative).div(e.add(1.0));
            // Lanes out of range keep z, for replaceOutOfRange to read even when a is z.
            z0.blend(sigmoid, inRange).intoArray(a, i);
        }
        if (outOfRange) {
            replaceOutOfRange(z, a, end);
        }
    }

    /** a[i] = {@link Activation#sigmoid}(z[i]) where |z[i]| &gt; {@link #REDUCED_LIMIT} or z[i] is NaN, i &lt; end (a may be z). */
    private static void replaceOutOfRange(double[] z, double[] a, int end) {
        for (int i = 0; i < end; i++) {
            if (!(Math.abs(z[i]) <= REDUCED_LIMIT)) {
                a[i] = Activation.sigmoid(z[i]);
            }
        }
    }

    /** sigmoid(z) with the vector lanes' operations, one value at a time. */
    static double scalar(double z, boolean fused) {
        double magnitude = Math.abs(z);
        if (!(magnitude <= REDUCED_LIMIT)) {
            return Activation.sigmoid(z);
        }
        double t = -magnitude;
        double shifted = t * LOG2_E + ROUNDING_SHIFTER;
        double k = shifted - ROUNDING_SHIFTER;
        double r = t - k * LN2_HI - k * LN2_LO;
        double p = C13;
        p = fused ? Math.fma(p, r, C12) : p * r + C12;
        p = fused ? Math.fma(p, r, C11) : p * r + C11;
        p = fused ? Math.fma(p, r, C10) : p * r + C10;
        p = fused ? Math.fma(p, r, C9) : p * r + C9;
        p = fused ? Math.fma(p, r, C8) : p * r + C8;
        p = fused ? Math.fma(p, r, C7) : p * r + C7;
        p = fused ? Math.fma(p, r, C6) : p * r + C6;
        p = fused ? Math.fma(p, r, C5) : p * r + C5;
        p = fused ? Math.fma(p, r, C4) : p * r + C4;
        p = fused ? Math.fma(p, r, C3) : p * r + C3;
        p = fused ? Math.fma(p, r, C2) : p * r + C2;
        p = fused ? Math.fma(p, r, 1.0) : p * r + 1.0;
        p = fused ? Math.fma(p, r, 1.0) : p * r + 1.0;
        long exponent = Double.doubleToRawLongBits(shifted) << MANTISSA_BITS;
        double e = Double.longBitsToDouble(Double.doubleToRawLongBits(p) + exponent);
        return (z < 0.0 ? e : 1.0) / (e + 1.0);
    }
}
