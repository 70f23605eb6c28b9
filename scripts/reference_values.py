#!/usr/bin/env python3
"""Independent reference values for the Java cost function and backpropagation.

Computes J and the gradients dJ/dTheta1, dJ/dTheta2 with NumPy, the vectorised way of the
course's nnCostFunction (ex4), for a few fixed small cases, and writes them to
src/test/resources/reference/reference_values.json. ReferenceValuesTest compares the Java
implementations to these numbers to 1e-9. Run from the repository root:

    python3 scripts/reference_values.py

Inputs and weights are deterministic:
  * debug(rows, cols) is the course's debugInitializeWeights: reshape(sin(1:rows*cols), rows, cols)/10,
    MATLAB's column-major reshape, so W[r, c] = sin(1 + r + c*rows)/10 (0-based r, c).
  * "digits" cases use samples of assets/digits.png (decoded here with zlib, no imaging library):
    sample i is the 20x20 cell at row i // 100, column i % 100, pixels / 255 flattened row-major,
    label = row // 5.
"""
import json
import os
import struct
import zlib

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PNG = os.path.join(ROOT, "assets", "digits.png")
OUT = os.path.join(ROOT, "src", "test", "resources", "reference", "reference_values.json")
TINY = np.finfo(np.float64).tiny  # Java's Double.MIN_NORMAL: log is clamped there


def debug(rows, cols):
    k = np.arange(1, rows * cols + 1, dtype=np.float64)
    return np.sin(k).reshape((cols, rows)).T / 10.0


def read_gray_png(path):
    """8-bit grayscale, non-interlaced PNG -> 2-D uint8 array (the five PNG filters undone by hand)."""
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, width, height = 8, b"", None, None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, color, _, _, interlace = struct.unpack(">IIBBBBB", body)
            assert depth == 8 and color == 0 and interlace == 0, "expected 8-bit gray, not interlaced"
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    image = np.zeros((height, width), dtype=np.int64)
    prev = np.zeros(width, dtype=np.int64)
    for y in range(height):
        line = raw[y * (width + 1):(y + 1) * (width + 1)]
        f, cur = line[0], np.frombuffer(line[1:], dtype=np.uint8).astype(np.int64)
        out = np.zeros(width, dtype=np.int64)
        for x in range(width):
            a = out[x - 1] if x > 0 else 0
            b = prev[x]
            c = prev[x - 1] if x > 0 else 0
            if f == 0:
                pred = 0
            elif f == 1:
                pred = a
            elif f == 2:
                pred = b
            elif f == 3:
                pred = (a + b) // 2
            else:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
            out[x] = (cur[x] + pred) & 0xFF
        image[y] = out
        prev = out
    return image


def digit_samples(indices):
    rows_needed = max(i // 100 for i in indices) + 1
    image = read_gray_png_rows(rows_needed * 20)
    x = np.array([image[(i // 100) * 20:(i // 100) * 20 + 20, (i % 100) * 20:(i % 100) * 20 + 20].reshape(-1)
                  for i in indices], dtype=np.float64) / 255.0
    y = np.array([(i // 100) // 5 for i in indices])
    return x, y


_IMAGE = None


def read_gray_png_rows(rows):
    global _IMAGE
    if _IMAGE is None:
        _IMAGE = read_gray_png(PNG)
    return _IMAGE[:rows]


def activation(name, z):
    if name == "sigmoid":
        return 1.0 / (1.0 + np.exp(-z))
    if name == "tanh":
        return np.tanh(z)
    return np.maximum(z, 0.0)


def activation_gradient(name, z):
    if name == "sigmoid":
        g = 1.0 / (1.0 + np.exp(-z))
        return g * (1.0 - g)
    if name == "tanh":
        return 1.0 - np.tanh(z) ** 2
    return (z > 0).astype(np.float64)


def cost_and_gradients(theta1, theta2, x, y, lam, hidden_activation, output_layer):
    m = x.shape[0]
    k = theta2.shape[0]
    a1 = np.hstack([np.ones((m, 1)), x])
    z2 = a1 @ theta1.T
    a2 = np.hstack([np.ones((m, 1)), activation(hidden_activation, z2)])
    z3 = a2 @ theta2.T
    if output_layer == "sigmoid":
        a3 = 1.0 / (1.0 + np.exp(-z3))
    else:
        e = np.exp(z3 - z3.max(axis=1, keepdims=True))
        a3 = e / e.sum(axis=1, keepdims=True)
    y_matrix = np.eye(k)[y]
    log = lambda v: np.log(np.maximum(v, TINY))
    if output_layer == "sigmoid":
        data = -np.sum(y_matrix * log(a3) + (1 - y_matrix) * log(1 - a3)) / m
    else:
        data = -np.sum(y_matrix * log(a3)) / m
    reg = lam / (2 * m) * (np.sum(theta1[:, 1:] ** 2) + np.sum(theta2[:, 1:] ** 2))
    d3 = a3 - y_matrix
    d2 = (d3 @ theta2[:, 1:]) * activation_gradient(hidden_activation, z2)
    grad1 = d2.T @ a1 / m
    grad2 = d3.T @ a2 / m
    grad1[:, 1:] += lam / m * theta1[:, 1:]
    grad2[:, 1:] += lam / m * theta2[:, 1:]
    return data + reg, grad1, grad2


def case(name, theta1, theta2, x, y, lam, hidden_activation, output_layer, inputs_from, input_width, input_height):
    cost, grad1, grad2 = cost_and_gradients(theta1, theta2, x, y, lam, hidden_activation, output_layer)
    return {
        "name": name,
        "inputWidth": input_width,
        "inputHeight": input_height,
        "hiddenSize": theta1.shape[0],
        "outputSize": theta2.shape[0],
        "activation": hidden_activation,
        "output": output_layer,
        "lambda": lam,
        "inputs": inputs_from,
        "labels": [int(v) for v in y],
        "cost": float(cost),
        "theta1Gradient": [float(v) for v in grad1.reshape(-1)],
        "theta2Gradient": [float(v) for v in grad2.reshape(-1)],
    }


def main():
    cases = []
    # The course's checkNNGradients case: 3 inputs, 5 hidden, 3 outputs, m = 5, y = 1 + mod(1:m, 3) (0-based here).
    m = 5
    x = debug(m, 3)
    y = np.array([i % 3 for i in range(1, m + 1)])
    for lam in (0.0, 3.0):
        cases.append(case("course-lambda-%g" % lam, debug(5, 4), debug(3, 6), x, y, lam, "sigmoid", "sigmoid",
                          {"kind": "debug", "rows": m, "columns": 3, "scale": 1.0}, 3, 1))
    # Every activation x output layer on 7 inputs, 5 hidden, 4 outputs, m = 6, larger weights.
    m = 6
    x = debug(m, 7) * 10.0
    y = np.array([i % 4 for i in range(1, m + 1)])
    for act in ("sigmoid", "tanh", "relu"):
        for out in ("sigmoid", "softmax"):
            cases.append(case("%s-%s" % (act, out), debug(5, 8) * 5.0, debug(4, 6) * 5.0, x, y, 0.7, act, out,
                              {"kind": "debug", "rows": m, "columns": 7, "scale": 10.0}, 7, 1))
    # The canonical 400-25-10 network on the first two digits of every class.
    indices = [500 * c + i for c in range(10) for i in range(2)]
    x, y = digit_samples(indices)
    for act, out, lam in (("sigmoid", "sigmoid", 1.0), ("tanh", "softmax", 0.5)):
        cases.append(case("digits-%s-%s" % (act, out), debug(25, 401), debug(10, 26), x, y, lam, act, out,
                          {"kind": "digits", "indices": indices}, 20, 20))
    with open(OUT, "w") as f:
        json.dump({"generator": "scripts/reference_values.py", "numpy": np.__version__,
                   "weights": "theta1 = debug(hidden, inputs+1) * scale, theta2 = debug(outputs, hidden+1) * scale;"
                              " scale 5 for the activation x output cases, 1 otherwise",
                   "cases": cases}, f)
        f.write("\n")


if __name__ == "__main__":
    main()
