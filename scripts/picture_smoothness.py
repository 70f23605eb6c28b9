#!/usr/bin/env python3
"""Picture smoothness of a model file, computed with NumPy independently of the app.

For each hidden unit: its 400 incoming weights (bias excluded) as an inputHeight x inputWidth
picture (x fastest); pool all horizontally and vertically adjacent pixel pairs; Pearson
correlation of first vs second members (np.corrcoef). Prints the mean over units.

Usage: python3 scripts/picture_smoothness.py MODEL.json [MODEL.json ...]
"""
import json
import sys

import numpy as np


def smoothness(path):
    with open(path, encoding="utf-8") as f:
        model = json.load(f)
    height, width = model["inputHeight"], model["inputWidth"]
    theta1 = np.array(model["theta1"], dtype=np.float64)
    rs = []
    for row in theta1:
        w = row[1:].reshape(height, width)
        a = np.concatenate([w[:, :-1].ravel(), w[:-1, :].ravel()])
        b = np.concatenate([w[:, 1:].ravel(), w[1:, :].ravel()])
        rs.append(np.corrcoef(a, b)[0, 1])
    return float(np.mean(rs))


if __name__ == "__main__":
    for p in sys.argv[1:]:
        print(f"{p}\t{smoothness(p):.15f}")
