#!/usr/bin/env python3
"""Times one full-batch gradient-descent epoch of the 400-25-10 network in NumPy (float64), for
comparison with EpochBenchmark (see BENCHMARKS.md). The same work as the Java benchmark: forward,
sigmoid cross-entropy cost with L2 (lambda = 1), backpropagation, Theta -= alpha * grad.

    env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE python3 scripts/numpy_epoch.py [runs]
"""
import sys
import time

import numpy as np

M, N, H, K = 4000, 400, 25, 10
LAMBDA, ALPHA = 1.0, 0.5


def epoch(theta1, theta2, a1, y_matrix):
    m = a1.shape[0]
    z2 = a1 @ theta1.T
    a2 = np.empty((m, H + 1))
    a2[:, 0] = 1.0
    a2[:, 1:] = 1.0 / (1.0 + np.exp(-z2))
    a3 = 1.0 / (1.0 + np.exp(-(a2 @ theta2.T)))
    cost = -np.sum(y_matrix * np.log(a3) + (1 - y_matrix) * np.log(1 - a3)) / m \
        + LAMBDA / (2 * m) * (np.sum(theta1[:, 1:] ** 2) + np.sum(theta2[:, 1:] ** 2))
    d3 = a3 - y_matrix
    d2 = (d3 @ theta2[:, 1:]) * a2[:, 1:] * (1 - a2[:, 1:])
    grad1 = d2.T @ a1 / m
    grad2 = d3.T @ a2 / m
    grad1[:, 1:] += LAMBDA / m * theta1[:, 1:]
    grad2[:, 1:] += LAMBDA / m * theta2[:, 1:]
    theta1 -= ALPHA * grad1
    theta2 -= ALPHA * grad2
    return cost


def main():
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    rng = np.random.default_rng(42)
    # The bias column is part of the stored inputs, as ex4 does once before training.
    a1 = np.hstack([np.ones((M, 1)), rng.random((M, N))])
    y_matrix = np.eye(K)[rng.integers(0, K, M)]
    theta1 = (rng.random((H, N + 1)) * 2 - 1) * 0.12
    theta2 = (rng.random((K, H + 1)) * 2 - 1) * 0.12
    for _ in range(30):
        epoch(theta1, theta2, a1, y_matrix)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        epoch(theta1, theta2, a1, y_matrix)
        times.append((time.perf_counter() - start) * 1e3)
    q = np.percentile(times, [0, 25, 50, 75, 90])
    print("numpy %s, %d runs, ms per epoch: min %.2f  p25 %.2f  median %.2f  p75 %.2f  p90 %.2f"
          % (np.__version__, runs, *q))


if __name__ == "__main__":
    main()
