package org.hiddenneurons.io.handout;

import org.hiddenneurons.core.walkthrough.WalkthroughFormat;
import org.hiddenneurons.core.walkthrough.WalkthroughStep;
import org.hiddenneurons.core.walkthrough.Walkthrough;
import static org.hiddenneurons.io.handout.WalkthroughWords.n;
import static org.hiddenneurons.io.handout.WalkthroughWords.text;

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
 * activation, sigmoid or softmax output). The words come from {@link WalkthroughWords} in the
 * language asked for; the mathematics is written here once.
 */
public final class WalkthroughTexts {

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
    static String derivativeFormula(Activation g, Locale language) {
        return switch (g) {
            case SIGMOID -> "g′(z) = g(z)·(1 − g(z))";
            case TANH -> "g′(z) = 1 − tanh²z";
            case RELU -> text(language, "formula.reluDerivative");
        };
    }

    static String costFormula(OutputLayer output) {
        return output == OutputLayer.SIGMOID_CROSS_ENTROPY
                ? "J = −Σₖ [ yₖ·log a³ₖ + (1 − yₖ)·log(1 − a³ₖ) ]  +  λ/(2m)·(ΣΘ¹² + ΣΘ²²),  m = 1"
                : "J = −log a³_y  +  λ/(2m)·(ΣΘ¹² + ΣΘ²²),  m = 1";
    }

    /** Every step's content, in order, in {@code language}. */
    public static List<StepContent> allContent(Walkthrough w, Locale language) {
        List<StepContent> all = new ArrayList<>();
        for (WalkthroughStep step : WalkthroughStep.values()) {
            all.add(content(w, step, language));
        }
        return all;
    }

    /** The formula, shapes, caption and every number of {@code step}, with the words in {@code language}. */
    public static StepContent content(Walkthrough w, WalkthroughStep step, Locale language) {
        NetworkSpec spec = w.spec();
        int inputs = spec.inputSize();
        int hidden = spec.hiddenSize();
        int outputs = spec.outputSize();
        ForwardPass pass = w.pass();
        Network before = w.network();
        Activation g = spec.hiddenActivation();
        OutputLayer output = spec.outputLayer();
        boolean softmax = output == OutputLayer.SOFTMAX_CROSS_ENTROPY;
        String label = n(w.label());
        List<Quantity> q = new ArrayList<>();
        String formula;
        String shapes;
        String caption;
        switch (step) {
            case INPUT -> {
                formula = "a¹ = [ 1 ; x ]";
                shapes = text(language, "shapes.input", n(spec.inputWidth()), n(spec.inputHeight()), n(inputs),
                        n(inputs + 1));
                caption = text(language, "caption.input", n(inputs), label);
                q.add(Quantity.vector("x", w.input()));
                q.add(Quantity.vector("a1", pass.a1()));
            }
            case HIDDEN_SUM -> {
                formula = "z² = Θ¹·a¹      z²ⱼ = Θ¹ⱼ₀·1 + Σᵢ Θ¹ⱼᵢ·xᵢ";
                shapes = String.format("Θ¹: %d×%d · a¹: %d×1  →  z²: %d×1", hidden, inputs + 1, inputs + 1, hidden);
                int best = argMax(pass.z2());
                caption = text(language, "caption.hiddenSum", n(best + 1), WalkthroughFormat.display(pass.z2()[best]));
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
                shapes = text(language, "shapes.hiddenActivation", n(hidden), n(hidden + 1));
                caption = switch (g) {
                    case SIGMOID -> text(language, "caption.hiddenActivation.sigmoid");
                    case TANH -> text(language, "caption.hiddenActivation.tanh");
                    case RELU -> text(language, "caption.hiddenActivation.relu");
                };
                q.add(Quantity.vector("a2", pass.a2()));
            }
            case OUTPUT_SUM -> {
                formula = "z³ = Θ²·a²";
                shapes = String.format("Θ²: %d×%d · a²: %d×1  →  z³: %d×1", outputs, hidden + 1, hidden + 1, outputs);
                caption = text(language, "caption.outputSum");
                q.add(new Quantity("Theta2", outputs, hidden + 1, before.theta2().clone()));
                q.add(Quantity.vector("z3", pass.z3()));
            }
            case OUTPUT_ACTIVATION -> {
                formula = softmax ? "a³ₖ = e^(z³ₖ) / Σₗ e^(z³ₗ)      y = one-hot(" + w.label() + ")"
                        : "a³ = g(z³) = 1 / (1 + e^(−z³))      y = one-hot(" + w.label() + ")";
                shapes = String.format("z³: %d×1  →  a³: %d×1,  y: %d×1", outputs, outputs, outputs);
                int predicted = pass.predictedClass();
                String squash = softmax ? text(language, "caption.outputActivation.softmax")
                        : text(language, "caption.outputActivation.sigmoid");
                String answer = percentOrValue(pass.a3()[predicted], softmax);
                caption = predicted == w.label()
                        ? text(language, "caption.outputActivation.right", squash, n(predicted), answer, label)
                        : text(language, "caption.outputActivation.wrong", squash, n(predicted), answer, label);
                q.add(Quantity.vector("a3", pass.a3()));
                q.add(Quantity.vector("y", w.y()));
            }
            case COST -> {
                formula = costFormula(output);
                shapes = text(language, "shapes.cost", n(outputs));
                caption = text(language, "caption.cost", WalkthroughFormat.display(w.dataCost()),
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
                caption = text(language, "caption.outputError", label,
                        WalkthroughFormat.display(-w.delta3()[w.label()]));
                q.add(Quantity.vector("delta3", w.delta3()));
            }
            case HIDDEN_ERROR -> {
                formula = text(language, "formula.hiddenError") + "      " + derivativeFormula(g, language);
                shapes = text(language, "shapes.hiddenError", n(hidden + 1), n(outputs), n(hidden));
                caption = text(language, "caption.hiddenError");
                q.add(Quantity.vector("Theta2T_delta3", w.backSum()));
                q.add(Quantity.vector("g_prime_z2", w.slope()));
                q.add(Quantity.vector("delta2", w.delta2()));
            }
            case GRADIENTS -> {
                formula = "Δ² = δ³·a²ᵀ      Δ¹ = δ²·a¹ᵀ";
                shapes = String.format("δ³: %d×1 · a²ᵀ: 1×%d → Δ²: %d×%d;   δ²: %d×1 · a¹ᵀ: 1×%d → Δ¹: %d×%d",
                        outputs, hidden + 1, outputs, hidden + 1, hidden, inputs + 1, hidden, inputs + 1);
                caption = text(language, "caption.gradients");
                q.add(new Quantity("Delta2", outputs, hidden + 1, w.bigDelta2()));
                q.add(new Quantity("Delta1", hidden, inputs + 1, w.bigDelta1()));
            }
            case UPDATE -> {
                formula = text(language, "formula.update");
                shapes = String.format("Θ¹: %d×%d, Θ²: %d×%d, α = %s, λ = %s", hidden, inputs + 1, outputs, hidden + 1,
                        WalkthroughFormat.display(w.learningRate()), WalkthroughFormat.display(w.lambda()));
                ForwardPass after = w.passAfter();
                caption = text(language, "caption.update", WalkthroughFormat.display(w.cost()),
                        WalkthroughFormat.display(w.costAfter()), label,
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
