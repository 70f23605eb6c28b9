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

    /** g(z) in LaTeX, per hidden activation (the output sigmoid is written σ, see {@link #outputActivationFormula}). */
    static String activationFormula(Activation g) {
        return switch (g) {
            case SIGMOID -> "g(z) = \\frac{1}{1 + e^{-z}}";
            case TANH -> "g(z) = \\tanh z";
            case RELU -> "g(z) = \\max(0, z)";
        };
    }

    /** g′(z) in LaTeX, per hidden activation; ReLU's is the on/off gate. */
    static String derivativeFormula(Activation g) {
        return switch (g) {
            case SIGMOID -> "g'(z) = g(z)\\,(1 - g(z))";
            case TANH -> "g'(z) = 1 - \\tanh^{2} z";
            case RELU -> "g'(z) = \\left\\{\\begin{array}{ll} 1 & z > 0 \\\\ 0 & z \\le 0 \\end{array}\\right.";
        };
    }

    /**
     * The regularisation term in LaTeX with its indices: λ/(2m)·(Σⱼ₌₁..h Σᵢ₌₁..n (Θ¹ⱼᵢ)² + Σₖ Σⱼ₌₁..h (Θ²ₖⱼ)²).
     * Column 0 (the biases) is excluded because the inner sums start at 1; output k is digit k, 0-based.
     */
    static String regularisationFormula(NetworkSpec spec) {
        return "\\frac{\\lambda}{2m}\\Big(\\sum_{j=1}^{" + spec.hiddenSize() + "}\\sum_{i=1}^{" + spec.inputSize()
                + "}(\\Theta^{1}_{ji})^{2} + \\sum_{k=0}^{" + (spec.outputSize() - 1) + "}\\sum_{j=1}^{"
                + spec.hiddenSize() + "}(\\Theta^{2}_{kj})^{2}\\Big)";
    }

    /** J of one example in LaTeX; c is the true digit (y is one-hot with yc = 1). */
    static String costFormula(NetworkSpec spec, int label) {
        String data = spec.outputLayer() == OutputLayer.SIGMOID_CROSS_ENTROPY
                ? "-\\sum_{k=0}^{" + (spec.outputSize() - 1) + "}\\big[y_{k}\\log a^{3}_{k} + (1 - y_{k})\\log(1 - a^{3}_{k})\\big]"
                : "-\\log a^{3}_{c}";
        return "J = " + data + " + " + regularisationFormula(spec) + ",\\quad m = 1,\\; c = " + label;
    }

    /** a³ from z³ in LaTeX: softmax, or the output sigmoid σ (never g, which names the hidden activation). */
    static String outputActivationFormula(NetworkSpec spec, int label) {
        String squash = spec.outputLayer() == OutputLayer.SOFTMAX_CROSS_ENTROPY
                ? "a^{3}_{k} = \\frac{e^{z^{3}_{k}}}{\\sum_{l=0}^{" + (spec.outputSize() - 1) + "} e^{z^{3}_{l}}}"
                : "a^{3} = \\sigma(z^{3}) = \\frac{1}{1 + e^{-z^{3}}}";
        return squash + "\\qquad y = \\mathrm{onehot}(" + label + ")";
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
                formula = "a^{1} = \\left[\\,1\\,;\\; x\\,\\right],\\quad a^{1}_{i} = x_{i}\\;(i = 1 \\ldots " + inputs + ")";
                shapes = text(language, "shapes.input", n(spec.inputWidth()), n(spec.inputHeight()), n(inputs),
                        n(inputs + 1));
                caption = text(language, "caption.input", n(inputs), label);
                q.add(Quantity.vector("x", w.input()));
                q.add(Quantity.vector("a1", pass.a1()));
            }
            case HIDDEN_SUM -> {
                formula = "z^{2} = \\Theta^{1} a^{1},\\qquad z^{2}_{j} = \\Theta^{1}_{j0} + \\sum_{i=1}^{" + inputs
                        + "} \\Theta^{1}_{ji}\\, x_{i}";
                shapes = String.format("Θ¹: %d×%d · a¹: %d×1  →  z²: %d×1", hidden, inputs + 1, inputs + 1, hidden);
                int best = argMax(pass.z2());
                caption = text(language, "caption.hiddenSum", n(best + 1), WalkthroughFormat.display(pass.z2()[best]));
                q.add(new Quantity("Theta1", hidden, inputs + 1, before.theta1Copy()));
                double[] products = new double[hidden * (inputs + 1)];
                for (int j = 0; j < hidden; j++) {
                    System.arraycopy(w.products(j), 0, products, j * (inputs + 1), inputs + 1);
                }
                q.add(new Quantity("products_Theta1_a1", hidden, inputs + 1, products));
                q.add(Quantity.vector("z2", pass.z2()));
            }
            case HIDDEN_ACTIVATION -> {
                formula = "a^{2} = \\left[\\,1\\,;\\; g(z^{2})\\,\\right],\\qquad " + activationFormula(g);
                shapes = text(language, "shapes.hiddenActivation", n(hidden), n(hidden + 1));
                caption = switch (g) {
                    case SIGMOID -> text(language, "caption.hiddenActivation.sigmoid");
                    case TANH -> text(language, "caption.hiddenActivation.tanh");
                    case RELU -> text(language, "caption.hiddenActivation.relu");
                };
                q.add(Quantity.vector("a2", pass.a2()));
            }
            case OUTPUT_SUM -> {
                formula = "z^{3} = \\Theta^{2} a^{2}";
                shapes = String.format("Θ²: %d×%d · a²: %d×1  →  z³: %d×1", outputs, hidden + 1, hidden + 1, outputs);
                caption = text(language, "caption.outputSum");
                q.add(new Quantity("Theta2", outputs, hidden + 1, before.theta2Copy()));
                q.add(Quantity.vector("z3", pass.z3()));
            }
            case OUTPUT_ACTIVATION -> {
                formula = outputActivationFormula(spec, w.label());
                shapes = String.format("z³: %d×1  →  a³: %d×1,  y: %d×1", outputs, outputs, outputs);
                int predicted = pass.predictedClass();
                String squash = softmax ? text(language, "caption.outputActivation.softmax")
                        : text(language, "caption.outputActivation.sigmoid");
                String answer = percentOrValue(pass.a3()[predicted], softmax, language);
                caption = predicted == w.label()
                        ? text(language, "caption.outputActivation.right", squash, n(predicted), answer, label)
                        : text(language, "caption.outputActivation.wrong", squash, n(predicted), answer, label);
                q.add(Quantity.vector("a3", pass.a3()));
                q.add(Quantity.vector("y", w.y()));
            }
            case COST -> {
                formula = costFormula(spec, w.label());
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
                formula = "\\delta^{3} = a^{3} - y = \\frac{\\partial J}{\\partial z^{3}}";
                shapes = String.format("a³: %d×1 − y: %d×1  →  δ³: %d×1", outputs, outputs, outputs);
                caption = text(language, "caption.outputError", label,
                        WalkthroughFormat.display(-w.delta3()[w.label()]));
                q.add(Quantity.vector("delta3", w.delta3()));
            }
            case HIDDEN_ERROR -> {
                formula = "\\delta^{2}_{j} = \\Big(\\sum_{k=0}^{" + (outputs - 1) + "} \\Theta^{2}_{kj}\\,\\delta^{3}_{k}\\Big)"
                        + "\\, g'(z^{2}_{j}),\\; j = 1 \\ldots " + hidden + "\\qquad " + derivativeFormula(g);
                shapes = text(language, "shapes.hiddenError", n(hidden + 1), n(outputs), n(hidden));
                caption = switch (g) {
                    case SIGMOID -> text(language, "caption.hiddenError.sigmoid");
                    case TANH -> text(language, "caption.hiddenError.tanh");
                    case RELU -> text(language, "caption.hiddenError.relu");
                };
                q.add(Quantity.vector("Theta2T_delta3", w.backSum()));
                q.add(Quantity.vector("g_prime_z2", w.slope()));
                q.add(Quantity.vector("delta2", w.delta2()));
            }
            case GRADIENTS -> {
                formula = "\\Delta^{2} = \\delta^{3} (a^{2})^{T},\\quad \\Delta^{1} = \\delta^{2} (a^{1})^{T}";
                shapes = String.format("δ³: %d×1 · a²ᵀ: 1×%d → Δ²: %d×%d;   δ²: %d×1 · a¹ᵀ: 1×%d → Δ¹: %d×%d",
                        outputs, hidden + 1, outputs, hidden + 1, hidden, inputs + 1, hidden, inputs + 1);
                caption = text(language, "caption.gradients");
                q.add(new Quantity("Delta2", outputs, hidden + 1, w.bigDelta2()));
                q.add(new Quantity("Delta1", hidden, inputs + 1, w.bigDelta1()));
            }
            case UPDATE -> {
                formula = "\\Theta \\leftarrow \\Theta - \\alpha\\,(\\Delta + \\lambda\\Theta),\\quad m = 1";
                shapes = String.format("Θ¹: %d×%d, Θ²: %d×%d, α = %s, λ = %s", hidden, inputs + 1, outputs, hidden + 1,
                        WalkthroughFormat.display(w.learningRate()), WalkthroughFormat.display(w.lambda()));
                ForwardPass after = w.passAfter();
                caption = text(language, "caption.update", WalkthroughFormat.display(w.cost()),
                        WalkthroughFormat.display(w.costAfter()), label,
                        percentOrValue(pass.a3()[w.label()], softmax, language),
                        percentOrValue(after.a3()[w.label()], softmax, language));
                q.add(Quantity.scalar("learning_rate", w.learningRate()));
                q.add(new Quantity("Theta1_gradient", hidden, inputs + 1, w.gradient1()));
                q.add(new Quantity("Theta2_gradient", outputs, hidden + 1, w.gradient2()));
                q.add(new Quantity("Theta1_after", hidden, inputs + 1, w.networkAfter().theta1Copy()));
                q.add(new Quantity("Theta2_after", outputs, hidden + 1, w.networkAfter().theta2Copy()));
                q.add(Quantity.vector("a3_after", after.a3()));
                q.add(Quantity.scalar("data_cost_after", w.dataCostAfter()));
                q.add(Quantity.scalar("cost_after", w.costAfter()));
            }
            default -> throw new IllegalStateException("unknown step " + step);
        }
        return new StepContent(step, formula, shapes, caption, q);
    }

    /** "93.1 %" ("93.1%" in Chinese: key format.percent) for a softmax probability, "0.931" for a sigmoid output. */
    static String percentOrValue(double value, boolean softmax, Locale language) {
        return softmax ? text(language, "format.percent", String.format(Locale.ROOT, "%.1f", 100 * value))
                : String.format(Locale.ROOT, "%.3f", value);
    }

    private static int argMax(double[] values) {
        return Network.argMax(values);
    }
}
