package org.hiddenneurons.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LbfgsTest {

    /** max |Ax − b|; J itself is then exact to ~1e-16 relative, the limit of a value-based line search. */
    private static final double SOLUTION_TOLERANCE = 1e-7;
    private static final int DIMENSION = 30;

    /** J = ½xᵀAx − bᵀx with A = MᵀM + I (SPD), split into two segments like Θ1 and Θ2. */
    private static final class Quadratic implements Objective {
        final double[][] a = new double[DIMENSION][DIMENSION];
        final double[] b = new double[DIMENSION];
        final double[] first = new double[DIMENSION / 3];
        final double[] second = new double[DIMENSION - DIMENSION / 3];
        final double[] gradientFirst = new double[first.length];
        final double[] gradientSecond = new double[second.length];
        int evaluations;

        Quadratic(Random random) {
            double[][] m = new double[DIMENSION][DIMENSION];
            for (double[] row : m) {
                for (int j = 0; j < DIMENSION; j++) {
                    row[j] = random.nextGaussian();
                }
            }
            for (int i = 0; i < DIMENSION; i++) {
                b[i] = random.nextGaussian();
                for (int j = 0; j < DIMENSION; j++) {
                    double sum = i == j ? 1.0 : 0.0;
                    for (int k = 0; k < DIMENSION; k++) {
                        sum += m[k][i] * m[k][j];
                    }
                    a[i][j] = sum;
                }
            }
        }

        double x(int i) {
            return i < first.length ? first[i] : second[i - first.length];
        }

        @Override
        public double evaluate() {
            evaluations++;
            double value = 0.0;
            for (int i = 0; i < DIMENSION; i++) {
                double ax = 0.0;
                for (int j = 0; j < DIMENSION; j++) {
                    ax += a[i][j] * x(j);
                }
                double g = ax - b[i];
                if (i < first.length) {
                    gradientFirst[i] = g;
                } else {
                    gradientSecond[i - first.length] = g;
                }
                value += 0.5 * x(i) * ax - b[i] * x(i);
            }
            return value;
        }

        /** max |A·x − b|. */
        double residual() {
            double worst = 0.0;
            for (int i = 0; i < DIMENSION; i++) {
                double ax = 0.0;
                for (int j = 0; j < DIMENSION; j++) {
                    ax += a[i][j] * x(j);
                }
                worst = Math.max(worst, Math.abs(ax - b[i]));
            }
            return worst;
        }
    }

    @Test
    void minimisesAConvexQuadraticToHighPrecision() {
        Quadratic quadratic = new Quadratic(new Random(42));
        Lbfgs lbfgs = new Lbfgs();
        lbfgs.initialize(new double[][] {quadratic.first, quadratic.second},
                new double[][] {quadratic.gradientFirst, quadratic.gradientSecond});
        double previous = Double.POSITIVE_INFINITY;
        for (int iteration = 0; iteration < 200 && quadratic.residual() > SOLUTION_TOLERANCE; iteration++) {
            double value = lbfgs.step(quadratic);
            assertTrue(value <= previous, "L-BFGS must not increase J: " + previous + " -> " + value);
            previous = value;
        }
        assertTrue(quadratic.residual() <= SOLUTION_TOLERANCE, "residual " + quadratic.residual());
        assertTrue(quadratic.evaluations < 300, "evaluations " + quadratic.evaluations);
    }

    @Test
    void everyLineSearchOnTheQuadraticSatisfiesTheStrongWolfeConditions() {
        Quadratic quadratic = new Quadratic(new Random(7));
        Lbfgs lbfgs = new Lbfgs();
        lbfgs.initialize(new double[][] {quadratic.first, quadratic.second},
                new double[][] {quadratic.gradientFirst, quadratic.gradientSecond});
        for (int iteration = 0; iteration < 15; iteration++) {
            lbfgs.step(quadratic);
            assertTrue(lbfgs.lineSearch().satisfied(), "iteration " + iteration);
        }
    }

    @Test
    void lineSearchStepsSatisfyTheStrongWolfeConditions() {
        // φ(t) = (t − 3)² − 9, a quartic with a flat region, and −t/(t² + 2) (Moré & Thuente's first test).
        double[][] starts = {{1e-3}, {1.0}, {10.0}, {100.0}};
        for (double[] start : starts) {
            check(t -> (t - 3) * (t - 3) - 9, t -> 2 * (t - 3), start[0]);
            check(t -> Math.pow(t - 2, 4) + 0.1 * t, t -> 4 * Math.pow(t - 2, 3) + 0.1, start[0]);
            check(t -> -t / (t * t + 2), t -> (t * t - 2) / Math.pow(t * t + 2, 2), start[0]);
        }
    }

    private static void check(java.util.function.DoubleUnaryOperator phi,
                              java.util.function.DoubleUnaryOperator dphi, double initialStep) {
        WolfeLineSearch search = new WolfeLineSearch();
        double[] lastStep = {Double.NaN};
        WolfeLineSearch.LineFunction function = new WolfeLineSearch.LineFunction() {
            @Override
            public double value(double step) {
                lastStep[0] = step;
                return phi.applyAsDouble(step);
            }

            @Override
            public double derivative() {
                return dphi.applyAsDouble(lastStep[0]);
            }
        };
        double value0 = phi.applyAsDouble(0);
        double slope0 = dphi.applyAsDouble(0);
        double step = search.search(function, value0, slope0, initialStep);
        String where = "initial step " + initialStep + ", accepted " + step;
        assertTrue(search.satisfied(), where);
        assertTrue(step > 0, where);
        assertTrue(phi.applyAsDouble(step) <= value0 + WolfeLineSearch.SUFFICIENT_DECREASE * step * slope0, where);
        assertTrue(Math.abs(dphi.applyAsDouble(step)) <= WolfeLineSearch.CURVATURE * Math.abs(slope0), where);
        assertEquals(step, lastStep[0], "the last evaluation must be at the accepted step");
        assertEquals(phi.applyAsDouble(step), search.value());
    }

    @Test
    void interpolationFindsTheMinimumOfACubic() {
        // φ(t) = (t − 1)² on [0, 3]: the cubic through the end points is the parabola itself.
        double step = WolfeLineSearch.interpolate(0, 1, -2, 3, 4, 4);
        assertEquals(1.0, step, 1e-12);
    }
}
