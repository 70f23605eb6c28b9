package org.hiddenneurons.train;

/**
 * A line search that finds a step t &gt; 0 along a descent direction satisfying the strong Wolfe
 * conditions (Nocedal &amp; Wright, "Numerical Optimization", 2nd ed., Algorithms 3.5 and 3.6):
 * <pre>
 * φ(t) ≤ φ(0) + c1·t·φ'(0)        (sufficient decrease, c1 = {@value #SUFFICIENT_DECREASE})
 * |φ'(t)| ≤ c2·|φ'(0)|            (curvature, c2 = {@value #CURVATURE})
 * </pre>
 * where φ(t) = J(x + t·d). The bracketing phase doubles t until the conditions hold or an
 * interval containing acceptable steps is found; the zoom phase shrinks it by safeguarded cubic
 * interpolation (N&amp;W eq. 3.59), falling back to bisection.
 *
 * <p>Lifecycle: construct once → {@link #search} per iteration → read {@link #value()} and
 * {@link #derivative()}. After {@code search} returns, the line function's last evaluation was at
 * the returned step, so any state it keeps (the network's weights, the gradient) belongs to that step.
 */
public final class WolfeLineSearch {

    /** c1 of the sufficient-decrease (Armijo) condition; N&amp;W suggest 1e-4. */
    public static final double SUFFICIENT_DECREASE = 1e-4;
    /** c2 of the curvature condition; N&amp;W suggest 0.9 for quasi-Newton methods. */
    public static final double CURVATURE = 0.9;
    /** At most this many evaluations of φ per search (the last one may repeat the best step). */
    public static final int MAX_EVALUATIONS = 25;
    /** Largest step the bracketing phase may try. */
    public static final double MAX_STEP = 1e10;
    /** The zoom phase keeps a trial step at least this fraction of the interval away from its ends. */
    private static final double SAFEGUARD = 0.1;

    /** φ along a line; φ and φ' come from one evaluation (value and gradient together). */
    public interface LineFunction {
        /** φ(t); also computes φ'(t), returned by {@link #derivative()} until the next call. */
        double value(double step);

        /** φ'(t) at the step of the last {@link #value} call. */
        double derivative();
    }

    private double value;
    private double derivative;
    private int evaluations;
    private boolean satisfied;

    /**
     * Searches for a step satisfying the strong Wolfe conditions.
     *
     * @param function     φ; called at trial steps
     * @param value0       φ(0)
     * @param derivative0  φ'(0), must be &lt; 0 (a descent direction)
     * @param initialStep  first trial step, &gt; 0 (1 for quasi-Newton directions)
     * @return the accepted step; 0 if no step lowering φ was found (then φ was re-evaluated at 0)
     * @throws IllegalArgumentException if φ'(0) ≥ 0 or the initial step is not positive
     */
    public double search(LineFunction function, double value0, double derivative0, double initialStep) {
        if (!(derivative0 < 0)) {
            throw new IllegalArgumentException("not a descent direction: phi'(0) = " + derivative0);
        }
        if (!(initialStep > 0)) {
            throw new IllegalArgumentException("initial step must be positive, got " + initialStep);
        }
        evaluations = 0;
        satisfied = false;
        double previousStep = 0.0;
        double previousValue = value0;
        double previousDerivative = derivative0;
        double step = Math.min(initialStep, MAX_STEP);
        while (evaluations < MAX_EVALUATIONS) {
            double phi = evaluate(function, step);
            double dphi = derivative;
            if (!Double.isFinite(phi) || phi > value0 + SUFFICIENT_DECREASE * step * derivative0
                    || (evaluations > 1 && phi >= previousValue)) {
                return zoom(function, value0, derivative0, previousStep, previousValue, previousDerivative,
                        step, phi, dphi);
            }
            if (Math.abs(dphi) <= -CURVATURE * derivative0) {
                satisfied = true;
                return step;
            }
            if (dphi >= 0) {
                return zoom(function, value0, derivative0, step, phi, dphi, previousStep, previousValue,
                        previousDerivative);
            }
            if (step >= MAX_STEP) {
                return step;
            }
            previousStep = step;
            previousValue = phi;
            previousDerivative = dphi;
            step = Math.min(2.0 * step, MAX_STEP);
        }
        return finishAt(function, previousStep);
    }

    /**
     * N&amp;W Algorithm 3.6. Invariants: the interval between lo and hi contains steps satisfying
     * the strong Wolfe conditions; lo has the lowest φ of the steps satisfying sufficient decrease
     * seen so far; φ'(lo)·(hi − lo) &lt; 0.
     */
    private double zoom(LineFunction function, double value0, double derivative0,
                        double lo, double valueLo, double derivativeLo,
                        double hi, double valueHi, double derivativeHi) {
        while (evaluations < MAX_EVALUATIONS) {
            double step = interpolate(lo, valueLo, derivativeLo, hi, valueHi, derivativeHi);
            double phi = evaluate(function, step);
            double dphi = derivative;
            if (!Double.isFinite(phi) || phi > value0 + SUFFICIENT_DECREASE * step * derivative0 || phi >= valueLo) {
                hi = step;
                valueHi = phi;
                derivativeHi = dphi;
            } else {
                if (Math.abs(dphi) <= -CURVATURE * derivative0) {
                    satisfied = true;
                    return step;
                }
                if (dphi * (hi - lo) >= 0) {
                    hi = lo;
                    valueHi = valueLo;
                    derivativeHi = derivativeLo;
                }
                lo = step;
                valueLo = phi;
                derivativeLo = dphi;
            }
            if (Math.abs(hi - lo) <= Math.ulp(Math.max(Math.abs(lo), Math.abs(hi))) * 4) {
                break;
            }
        }
        return finishAt(function, lo);
    }

    /** Ends a search that ran out of evaluations at {@code step} (the best step with sufficient decrease, or 0). */
    private double finishAt(LineFunction function, double step) {
        evaluate(function, step);
        return step;
    }

    private double evaluate(LineFunction function, double step) {
        evaluations++;
        value = function.value(step);
        derivative = function.derivative();
        return value;
    }

    /**
     * The minimiser of the cubic through (a, φa, φ'a) and (b, φb, φ'b) (N&amp;W eq. 3.59), kept at
     * least {@link #SAFEGUARD}·|b − a| inside the interval; the midpoint if the cubic has no minimiser
     * or a value is not finite.
     */
    static double interpolate(double a, double valueA, double derivativeA,
                              double b, double valueB, double derivativeB) {
        double low = Math.min(a, b);
        double high = Math.max(a, b);
        double width = high - low;
        double midpoint = low + 0.5 * width;
        if (!Double.isFinite(valueA) || !Double.isFinite(valueB)
                || !Double.isFinite(derivativeA) || !Double.isFinite(derivativeB)) {
            return midpoint;
        }
        double d1 = derivativeA + derivativeB - 3.0 * (valueA - valueB) / (a - b);
        double discriminant = d1 * d1 - derivativeA * derivativeB;
        if (!(discriminant >= 0)) {
            return midpoint;
        }
        double d2 = Math.signum(b - a) * Math.sqrt(discriminant);
        double denominator = derivativeB - derivativeA + 2.0 * d2;
        if (denominator == 0) {
            return midpoint;
        }
        double step = b - (b - a) * (derivativeB + d2 - d1) / denominator;
        if (!Double.isFinite(step)) {
            return midpoint;
        }
        return Math.max(low + SAFEGUARD * width, Math.min(high - SAFEGUARD * width, step));
    }

    /** φ at the returned step. */
    public double value() {
        return value;
    }

    /** φ' at the returned step. */
    public double derivative() {
        return derivative;
    }

    /** Evaluations of φ used by the last search. */
    public int evaluations() {
        return evaluations;
    }

    /** True if the last search's step satisfies both strong Wolfe conditions (false if it ran out of evaluations). */
    public boolean satisfied() {
        return satisfied;
    }
}
