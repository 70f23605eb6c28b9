#!/usr/bin/env python3
"""The scikit-learn peer for the default `train` run: MLPClassifier(hidden_layer_sizes=(25,),
solver="lbfgs", alpha=1) on the same standard split of assets/digits.png (the sheet's stored
values / 255, decoded without an imaging library by scripts/reference_values.py; sample i is a
test sample when i % 5 == 4, as Split.standard), timed from fit start to fit end.

Usage (pip install scikit-learn):  python3 scripts/sklearn_peer.py [--seeds 1,2,3] [--max-iter 200]
Prints one line per seed and the medians. Run it in the same session as `train` to compare.
"""
import argparse
import os
import sys
import time
import warnings

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from reference_values import PNG, read_gray_png  # noqa: E402

from sklearn.exceptions import ConvergenceWarning  # noqa: E402
from sklearn.neural_network import MLPClassifier  # noqa: E402


def load():
    sheet = read_gray_png(PNG).astype(np.float64) / 255.0
    rows, cols = sheet.shape[0] // 20, sheet.shape[1] // 20
    x = sheet.reshape(rows, 20, cols, 20).transpose(0, 2, 1, 3).reshape(rows * cols, 400)
    y = np.repeat(np.arange(rows) // (rows // 10), cols)
    test = np.arange(len(y)) % 5 == 4
    return x[~test], y[~test], x[test], y[test]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seeds", default="1,2,3")
    parser.add_argument("--max-iter", type=int, default=200)
    args = parser.parse_args()
    x_train, y_train, x_test, y_test = load()
    print(f"mean pixel {x_train.mean():.4f} (train), {len(y_train)} train / {len(y_test)} test")
    seconds, accuracies = [], []
    for seed in (int(s) for s in args.seeds.split(",")):
        model = MLPClassifier(hidden_layer_sizes=(25,), solver="lbfgs", alpha=1.0, max_iter=args.max_iter,
                              random_state=seed)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ConvergenceWarning)
            start = time.perf_counter()
            model.fit(x_train, y_train)
            elapsed = time.perf_counter() - start
        accuracy = model.score(x_test, y_test)
        seconds.append(elapsed)
        accuracies.append(accuracy)
        print(f"seed {seed}: test accuracy {100 * accuracy:.1f} %, fit {elapsed:.2f} s, {model.n_iter_} iterations")
    print(f"median: test accuracy {100 * np.median(accuracies):.1f} %, fit {np.median(seconds):.2f} s")


if __name__ == "__main__":
    main()
