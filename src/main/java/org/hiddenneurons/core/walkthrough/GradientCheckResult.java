package org.hiddenneurons.core.walkthrough;

/**
 * One weight's derivative of this example's cost J (with regularisation, m = 1) by backpropagation
 * and by central differences.
 *
 * @param weight             which weight
 * @param value              its current value
 * @param backprop           ∂J/∂θ from backpropagation
 * @param numerical          (J(θ+ε) − J(θ−ε)) / 2ε
 * @param epsilon            ε
 * @param relativeDifference |numerical − backprop| / |numerical + backprop| (0 when both are 0)
 */
public record GradientCheckResult(WeightRef weight, double value, double backprop, double numerical,
                                  double epsilon, double relativeDifference) {
}
