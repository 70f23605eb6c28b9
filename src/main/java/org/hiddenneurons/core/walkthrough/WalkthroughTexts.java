package org.hiddenneurons.core.walkthrough;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hiddenneurons.core.Activation;
import org.hiddenneurons.core.ForwardPass;
import org.hiddenneurons.core.Network;
import org.hiddenneurons.core.NetworkSpec;
import org.hiddenneurons.core.OutputLayer;

/**
 * Formulas, shapes, captions and quantities of each step, matched to the actual network (hidden
 * activation, sigmoid or softmax output). English; all texts of the walkthrough live here.
 */
final class WalkthroughTexts {

    private WalkthroughTexts() {
    }

    /** g(z) in words of the formula, per hidden activation. */
    static String activationFormula(Activation g) {
        return switch (g) {
            case SIGMOID -> "g(z) = 1 / (1 + e⁻ᶻ)";
            case TANH -> "g(z) = tanh z";
            case RELU -> "g(z) = max(0, z)";
        };
    }

    /** g′(z) per hidden activation. */
    static String derivativeFormula(Activation g) {
        return switch (g) {
            case SIGMOID -> "g′(z) = g(z)·(1 − g(z))";
            case TANH -> "g′(z) = 1 − tanh²z";
            case RELU -> "g′(z) = 1 if z > 0, else 0";
        };
    }

    static String costFormula(OutputLayer output) {
        return output == OutputLayer.SIGMOID_CROSS_ENTROPY
                ? "J = −Σₖ [ yₖ·log a³ₖ + (1 − yₖ)·log(1 − a³ₖ) ]  +  λ/(2m)·(ΣΘ¹² + ΣΘ²²),  m = 1"
                : "J = −log a³_y  +  λ/(2m)·(ΣΘ¹² + ΣΘ²²),  m = 1";
    }

    static StepContent content(Walkthrough w, WalkthroughStep step) {
        NetworkSpec spec = w.spec();
        int inputs = spec.inputSize();
        int hidden = spec.hiddenSize();
        int outputs = spec.outputSize();
        ForwardPass pass = w.pass();
        Network before = w.network();
        Activation g = spec.hiddenActivation();
        OutputLayer output = spec.outputLayer();
        boolean softmax = output == OutputLayer.SOFTMAX_CROSS_ENTROPY;
        List<Quantity> q = new ArrayList<>();
        String formula;
        String shapes;
        String caption;
        switch (step) {
            case INPUT -> {
                formula = "a¹ = [ 1 ; x ]";
                shapes = String.format("x: %d×%d image = %d×1  →  a¹: %d×1 (bias 1 first)", spec.inputWidth(),
                        spec.inputHeight(), inputs, inputs + 1);
                caption = String.format("The drawing is %d numbers between 0 (background) and 1 (ink), read row "
                        + "by row; a 1 is put in front so every unit can have a bias. The true label is %d.",
                        inputs, w.label());
                q.add(Quantity.vector("x", w.input()));
                q.add(Quantity.vector("a1", pass.a1()));
            }
            case HIDDEN_SUM -> {
                formula = "z² = Θ¹·a¹      z²ⱼ = Θ¹ⱼ₀·1 + Σᵢ Θ¹ⱼᵢ·xᵢ";
                shapes = String.format("Θ¹: %d×%d · a¹: %d×1  →  z²: %d×1", hidden, inputs + 1, inputs + 1, hidden);
                int best = argMax(pass.z2());
                caption = String.format("Each hidden unit multiplies every pixel by its own weight and adds "
                        + "them up: a large z² means the drawing looks like the unit's picture. Unit %d matches "
                        + "best (z² = %s).", best + 1, WalkthroughFormat.display(pass.z2()[best]));
                q.add(new Quantity("Theta1", hidden, inputs + 1, before.theta1().clone()));
                double[] products = new double[hidden * (inputs + 1)];
                for (int j = 0; j < hidden; j++) {
                    System.arraycopy(w.products(j), 0, products, j * (inputs + 1), inputs + 1);
                }
                q.add(new Quantity("products_Theta1_a1", hidden, inputs + 1, products));
                q.add(Quantity.vector("z2", pass.z2()));
            }
            case HIDDEN_ACTIVATION -> {
                formula = "a² = [ 1 ; g(z²) ]      " + activationFormula(g);
                shapes = String.format("z²: %d×1  →  a²: %d×1 (bias 1 first)", hidden, hidden + 1);
                caption = switch (g) {
                    case SIGMOID -> "The sigmoid squashes each sum into 0…1: how strongly the unit fires. "
                            + "Again a bias 1 is put in front for the next layer.";
                    case TANH -> "tanh squashes each sum into −1…1: how strongly the unit agrees or disagrees. "
                            + "Again a bias 1 is put in front for the next layer.";
                    case RELU -> "ReLU keeps positive sums and sets negative ones to 0: silent units pass "
                            + "nothing on. Again a bias 1 is put in front for the next layer.";
                };
                q.add(Quantity.vector("a2", pass.a2()));
            }
            case OUTPUT_SUM -> {
                formula = "z³ = Θ²·a²";
                shapes = String.format("Θ²: %d×%d · a²: %d×1  →  z³: %d×1", outputs, hidden + 1, hidden + 1, outputs);
                caption = "Each output adds up the hidden units' activations with its own weights: the hidden "
                        + "units vote for the digits they are evidence for.";
                q.add(new Quantity("Theta2", outputs, hidden + 1, before.theta2().clone()));
                q.add(Quantity.vector("z3", pass.z3()));
            }
            case OUTPUT_ACTIVATION -> {
                formula = softmax ? "a³ₖ = e^(z³ₖ) / Σₗ e^(z³ₗ)      y = one-hot(" + w.label() + ")"
                        : "a³ = g(z³) = 1 / (1 + e^(−z³))      y = one-hot(" + w.label() + ")";
                shapes = String.format("z³: %d×1  →  a³: %d×1,  y: %d×1", outputs, outputs, outputs);
                int predicted = pass.predictedClass();
                String verdict = predicted == w.label() ? "right" : "wrong";
                caption = String.format("%s The network answers %d (%s), the true label is %d: it is %s.",
                        softmax ? "Softmax turns the sums into probabilities that add up to 1."
                                : "Each output is squashed into 0…1 on its own (they need not add up to 1).",
                        predicted, percentOrValue(pass.a3()[predicted], softmax), w.label(), verdict);
                q.add(Quantity.vector("a3", pass.a3()));
                q.add(Quantity.vector("y", w.y()));
            }
            case COST -> {
                formula = costFormula(output);
                shapes = "a³, y: " + outputs + "×1  →  J: 1×1;  biases (column 0) are not regularised";
                caption = String.format("The cost says how wrong this one answer is: %s without and %s with the "
                        + "regularisation term (λ = %s, m = 1 example).", WalkthroughFormat.display(w.dataCost()),
                        WalkthroughFormat.display(w.cost()), WalkthroughFormat.display(w.lambda()));
                q.add(Quantity.vector("cost_terms", w.costTerms()));
                q.add(Quantity.scalar("lambda", w.lambda()));
                q.add(Quantity.scalar("data_cost", w.dataCost()));
                q.add(Quantity.scalar("regularisation", w.regularisation()));
                q.add(Quantity.scalar("cost", w.cost()));
            }
            case OUTPUT_ERROR -> {
                formula = "δ³ = a³ − y";
                shapes = String.format("a³: %d×1 − y: %d×1  →  δ³: %d×1", outputs, outputs, outputs);
                caption = String.format("The output error: how far each output is from what it should be. "
                        + "Output %d should be 1 and is short by %s; every other output should be 0.",
                        w.label(), WalkthroughFormat.display(-w.delta3()[w.label()]));
                q.add(Quantity.vector("delta3", w.delta3()));
            }
            case HIDDEN_ERROR -> {
                formula = "δ² = (Θ²ᵀ·δ³)[without the bias row] ⊙ g′(z²)      " + derivativeFormula(g);
                shapes = String.format("Θ²ᵀ: %d×%d · δ³: %d×1 → %d×1, drop row 0 → %d×1, ⊙ g′(z²): %d×1  →  δ²: %d×1",
                        hidden + 1, outputs, outputs, hidden + 1, hidden, hidden, hidden);
                caption = "Each hidden unit gets the blame of the outputs it voted for, weighted by its votes, "
                        + "times how much its activation can still move (g′).";
                q.add(Quantity.vector("Theta2T_delta3", w.backSum()));
                q.add(Quantity.vector("g_prime_z2", w.slope()));
                q.add(Quantity.vector("delta2", w.delta2()));
            }
            case GRADIENTS -> {
                formula = "Δ² = δ³·a²ᵀ      Δ¹ = δ²·a¹ᵀ";
                shapes = String.format("δ³: %d×1 · a²ᵀ: 1×%d → Δ²: %d×%d;   δ²: %d×1 · a¹ᵀ: 1×%d → Δ¹: %d×%d",
                        outputs, hidden + 1, outputs, hidden + 1, hidden, inputs + 1, hidden, inputs + 1);
                caption = "Each weight's share of the blame is its unit's error times the input it saw. "
                        + "Row j of −Δ¹ is the direction hidden unit j's picture is about to move: towards the "
                        + "drawing if the unit should fire more, away if less.";
                q.add(new Quantity("Delta2", outputs, hidden + 1, w.bigDelta2()));
                q.add(new Quantity("Delta1", hidden, inputs + 1, w.bigDelta1()));
            }
            case UPDATE -> {
                formula = "Θ ← Θ − α·(Δ + λ·Θ)      (m = 1; the bias column is not regularised)";
                shapes = String.format("Θ¹: %d×%d, Θ²: %d×%d, α = %s, λ = %s", hidden, inputs + 1, outputs, hidden + 1,
                        WalkthroughFormat.display(w.learningRate()), WalkthroughFormat.display(w.lambda()));
                ForwardPass after = w.passAfter();
                caption = String.format("One step of gradient descent on this example: the cost goes from %s to "
                        + "%s, and the answer for %d from %s to %s.", WalkthroughFormat.display(w.cost()),
                        WalkthroughFormat.display(w.costAfter()), w.label(),
                        percentOrValue(pass.a3()[w.label()], softmax), percentOrValue(after.a3()[w.label()], softmax));
                q.add(Quantity.scalar("learning_rate", w.learningRate()));
                q.add(new Quantity("Theta1_gradient", hidden, inputs + 1, w.gradient1()));
                q.add(new Quantity("Theta2_gradient", outputs, hidden + 1, w.gradient2()));
                q.add(new Quantity("Theta1_after", hidden, inputs + 1, w.networkAfter().theta1().clone()));
                q.add(new Quantity("Theta2_after", outputs, hidden + 1, w.networkAfter().theta2().clone()));
                q.add(Quantity.vector("a3_after", after.a3()));
                q.add(Quantity.scalar("data_cost_after", w.dataCostAfter()));
                q.add(Quantity.scalar("cost_after", w.costAfter()));
            }
            default -> throw new IllegalStateException("unknown step " + step);
        }
        return new StepContent(step, formula, shapes, caption, q);
    }

    /** "93.1 %" for a softmax probability, "0.931" for a sigmoid output. */
    static String percentOrValue(double value, boolean softmax) {
        return softmax ? String.format(Locale.ROOT, "%.1f %%", 100 * value)
                : String.format(Locale.ROOT, "%.3f", value);
    }

    private static int argMax(double[] values) {
        return Network.argMax(values);
    }
}
