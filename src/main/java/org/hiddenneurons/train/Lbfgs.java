package org.hiddenneurons.train;

/**
 * Full-batch limited-memory BFGS (Nocedal &amp; Wright, "Numerical Optimization", 2nd ed.,
 * Algorithm 7.5), the replacement for the course's {@code fmincg}.
 *
 * <p>Each step: d = −H·∇J by the two-loop recursion (N&amp;W Algorithm 7.4) over the last
 * {@value #MEMORY} pairs s = θ_new − θ, y = ∇J_new − ∇J, with H0 = γI, γ = sᵀy / yᵀy (eq. 7.20);
 * then a {@link WolfeLineSearch} along d (first trial step 1; on the very first iteration
 * 1/‖∇J‖ so the step has unit length). A pair with sᵀy ≤ {@value #CURVATURE_TOLERANCE}·yᵀy is
 * skipped so H stays positive definite. If d is not a descent direction or the search finds no
 * decrease, the memory is cleared and the step restarts from steepest descent.
 *
 * <p>Lifecycle: {@link #initialize} → {@link #step}… (one step = one epoch; J and ∇J at the current
 * θ are kept from the previous step) → {@link #reset()} after θ or the objective changed from outside.
 */
public final class Lbfgs implements Optimizer {

    /** m, the number of (s, y) pairs kept (N&amp;W: 3 ≤ m ≤ 20 is usually enough). */
    public static final int MEMORY = 10;
    /** A curvature pair is stored only if sᵀy &gt; this · yᵀy. */
    public static final double CURVATURE_TOLERANCE = 1e-10;

    private final WolfeLineSearch lineSearch = new WolfeLineSearch();
    private double[][] parameters;
    private double[][] gradientSegments;
    /** θ and ∇J at the current point, flat. */
    private double[] point;
    private double[] gradient;
    /** Scratch: the search direction, and ∇J at the trial step. */
    private double[] direction;
    private double[] trialGradient;
    private double[][] stepHistory;
    private double[][] gradientChangeHistory;
    private final double[] inverseCurvature = new double[MEMORY];
    private final double[] twoLoopCoefficients = new double[MEMORY];
    /** Pairs stored (≤ MEMORY) and the slot the next pair goes to. */
    private int historySize;
    private int nextSlot;
    private double value;
    private boolean current;
    private Objective lineObjective;
    private final WolfeLineSearch.LineFunction line = new WolfeLineSearch.LineFunction() {
        private double lineDerivative;

        @Override
        public double value(double step) {
            ParameterVectors.setToPointOnLine(point, step, direction, parameters);
            double phi = lineObjective.evaluate();
            ParameterVectors.flatten(gradientSegments, trialGradient);
            lineDerivative = ParameterVectors.dot(trialGradient, direction);
            return phi;
        }

        @Override
        public double derivative() {
            return lineDerivative;
        }
    };

    @Override
    public void initialize(double[][] parameters, double[][] gradient) {
        ParameterVectors.checkShapes(parameters, gradient);
        int size = ParameterVectors.size(parameters);
        this.parameters = parameters;
        this.gradientSegments = gradient;
        this.point = new double[size];
        this.gradient = new double[size];
        this.direction = new double[size];
        this.trialGradient = new double[size];
        this.stepHistory = new double[MEMORY][size];
        this.gradientChangeHistory = new double[MEMORY][size];
        reset();
    }

    @Override
    public double step(Objective objective) {
        if (!current) {
            value = objective.evaluate();
            ParameterVectors.flatten(parameters, point);
            ParameterVectors.flatten(gradientSegments, gradient);
            current = true;
        }
        if (!Double.isFinite(value)) {
            return value;
        }
        double gradientNormSquared = ParameterVectors.dot(gradient, gradient);
        if (gradientNormSquared == 0) {
            return value;
        }
        computeDirection();
        double slope = ParameterVectors.dot(gradient, direction);
        if (!(slope < 0)) {
            clearHistory();
            computeDirection();
            slope = -gradientNormSquared;
        }
        double initialStep = historySize == 0 ? 1.0 / Math.sqrt(gradientNormSquared) : 1.0;
        lineObjective = objective;
        double step = lineSearch.search(line, value, slope, initialStep);
        lineObjective = null;
        if (step == 0) {
            // No decrease along d: θ and ∇J were restored to the current point. Start over from −∇J.
            clearHistory();
            return value;
        }
        double newValue = lineSearch.value();
        // s = t·d, y = ∇J_new − ∇J; then move to the new point.
        double[] s = stepHistory[nextSlot];
        double[] y = gradientChangeHistory[nextSlot];
        for (int i = 0; i < s.length; i++) {
            s[i] = step * direction[i];
            y[i] = trialGradient[i] - gradient[i];
        }
        double sy = ParameterVectors.dot(s, y);
        double yy = ParameterVectors.dot(y, y);
        if (sy > CURVATURE_TOLERANCE * yy && Double.isFinite(sy)) {
            inverseCurvature[nextSlot] = 1.0 / sy;
            nextSlot = (nextSlot + 1) % MEMORY;
            historySize = Math.min(historySize + 1, MEMORY);
        }
        ParameterVectors.flatten(parameters, point);
        System.arraycopy(trialGradient, 0, gradient, 0, gradient.length);
        value = newValue;
        return value;
    }

    /** direction ← −H·∇J by the two-loop recursion (N&amp;W Algorithm 7.4). */
    private void computeDirection() {
        double[] q = direction;
        System.arraycopy(gradient, 0, q, 0, q.length);
        for (int k = 0; k < historySize; k++) {
            int slot = Math.floorMod(nextSlot - 1 - k, MEMORY);
            double alpha = inverseCurvature[slot] * ParameterVectors.dot(stepHistory[slot], q);
            twoLoopCoefficients[slot] = alpha;
            ParameterVectors.axpy(-alpha, gradientChangeHistory[slot], q);
        }
        if (historySize > 0) {
            int newest = Math.floorMod(nextSlot - 1, MEMORY);
            double[] y = gradientChangeHistory[newest];
            double gamma = 1.0 / (inverseCurvature[newest] * ParameterVectors.dot(y, y));
            for (int i = 0; i < q.length; i++) {
                q[i] *= gamma;
            }
        }
        for (int k = historySize - 1; k >= 0; k--) {
            int slot = Math.floorMod(nextSlot - 1 - k, MEMORY);
            double beta = inverseCurvature[slot] * ParameterVectors.dot(gradientChangeHistory[slot], q);
            ParameterVectors.axpy(twoLoopCoefficients[slot] - beta, stepHistory[slot], q);
        }
        for (int i = 0; i < q.length; i++) {
            q[i] = -q[i];
        }
    }

    private void clearHistory() {
        historySize = 0;
        nextSlot = 0;
    }

    /** L-BFGS has no learning rate: ignored. */
    @Override
    public void setLearningRateScale(double scale) {
    }

    @Override
    public void reset() {
        clearHistory();
        current = false;
    }

    /** The line search used by the last step (for its evaluation count and the Wolfe check). */
    public WolfeLineSearch lineSearch() {
        return lineSearch;
    }

    @Override
    public boolean isFullBatch() {
        return true;
    }
}
