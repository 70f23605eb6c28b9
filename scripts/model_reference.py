#!/usr/bin/env python3
"""J and both gradients of the bundled model on the digits sheet's train split, outside the app.

One command regenerates everything (run it again whenever assets/default-model.json or
assets/digits.png changes):

    python3 scripts/model_reference.py

What it does:
  1. Exports the model's weights with the app's own CSV export (builds the jar if it is missing):
         mvn -B -q package -DskipTests          # only if target/hidden-neurons.jar is missing
         java -jar target/hidden-neurons.jar export --model assets/default-model.json --weights DIR
     -> DIR/Theta1.csv (25x401), DIR/Theta2.csv (10x26): one matrix row per line, bias in column 0.
  2. Decodes assets/digits.png WITHOUT any imaging library (the zlib PNG decoder of
     scripts/reference_values.py): sample i = 20x20 cell at row i // 100, column i % 100, stored
     byte / 255, row-major; label = row // 5. Train split: i % 5 != 4 (4000 samples).
  3. When the model file names the deskew step ("training": {"deskew": true}), deskews every sample
     the way the app's data.Deskew documents it (moments of the stored values, horizontal shear
     out(x, y) = in(x + k(y - c_y), y), k = s_xy / s_yy clamped to +-1, linear interpolation along
     the row), implemented here in NumPy from that formula; then, when it names an input blur
     ("training": {"inputBlur": sigma}), blurs every sample by a Gaussian of sigma px as
     core.GaussianBlur documents it (normalised 1-D kernel exp(-k^2 / (2 sigma^2)), k = -ceil(3 sigma)
     .. ceil(3 sigma), along x then along y, zeros outside the 20x20 frame).
  4. Computes J and dJ/dTheta1, dJ/dTheta2 for lambda = 0 and 1 with NumPy (the course's
     vectorised nnCostFunction; hidden activation and output layer as named in the model file).
Writes, for ModelReferenceTest and DigitsImageTest:
  src/test/resources/reference/default_model_reference.json   J and gradients (row-major)
  src/test/resources/reference/digits_sheet.json              per-sample sums of the stored bytes, mean pixel
The same numbers from the app: java -jar target/hidden-neurons.jar cost --model assets/default-model.json
--lambda 0 --gradients DIR  (J printed, gradients written as Theta1_grad.csv, Theta2_grad.csv).
"""
import json
import os
import subprocess
import sys
import tempfile

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from reference_values import ROOT, cost_and_gradients, read_gray_png  # noqa: E402

MODEL = os.path.join(ROOT, "assets", "default-model.json")
SHEET = os.path.join(ROOT, "assets", "digits.png")
JAR = os.path.join(ROOT, "target", "hidden-neurons.jar")
RESOURCES = os.path.join(ROOT, "src", "test", "resources", "reference")
CELL, COLUMNS, ROWS, ROWS_PER_CLASS = 20, 100, 50, 5
TEST_EVERY, TEST_REMAINDER = 5, 4
LAMBDAS = (0.0, 1.0)


def export_weights(folder):
    if not os.path.exists(JAR):
        subprocess.run(["mvn", "-B", "-q", "package", "-DskipTests"], cwd=ROOT, check=True)
    subprocess.run(["java", "-jar", JAR, "export", "--model", MODEL, "--weights", folder], cwd=ROOT, check=True)
    theta1 = np.loadtxt(os.path.join(folder, "Theta1.csv"), delimiter=",", dtype=np.float64, ndmin=2)
    theta2 = np.loadtxt(os.path.join(folder, "Theta2.csv"), delimiter=",", dtype=np.float64, ndmin=2)
    return theta1, theta2


def sheet_samples():
    """All 5000 samples: (stored bytes 5000x400 as int64, labels)."""
    image = read_gray_png(SHEET)
    cells = image.reshape(ROWS, CELL, COLUMNS, CELL).transpose(0, 2, 1, 3).reshape(ROWS * COLUMNS, CELL * CELL)
    labels = np.repeat(np.arange(ROWS) // ROWS_PER_CLASS, COLUMNS)
    return cells, labels


MAX_SKEW = 1.0


def deskew(x):
    """Every row of x (n x 400, a 20x20 image each, row-major) deskewed; see the module comment."""
    images = x.reshape(-1, CELL, CELL)
    out = np.zeros_like(images)
    cols = np.arange(CELL, dtype=np.float64)
    padded = np.arange(-1, CELL + 1, dtype=np.float64)  # a zero pixel beyond each end of a row
    for n, image in enumerate(images):
        mass = image.sum()
        if not mass > 0:
            out[n] = image
            continue
        cy = (image.sum(axis=1) * cols).sum() / mass
        cx = (image.sum(axis=0) * cols).sum() / mass
        dy = cols - cy
        dx = cols - cx
        yy = (image * (dy ** 2)[:, None]).sum()
        xy = (image * dy[:, None] * dx[None, :]).sum()
        k = 0.0 if not yy > 1e-12 * mass else float(np.clip(xy / yy, -MAX_SKEW, MAX_SKEW))
        for y in range(CELL):
            # in(x + shift, y) by linear interpolation; outside the image counts as 0
            row = np.concatenate(([0.0], image[y], [0.0]))
            out[n, y] = np.interp(cols + k * dy[y], padded, row, left=0.0, right=0.0)
    return out.reshape(x.shape)


def blur(x, sigma):
    """Every row of x (n x 400, a 20x20 image each) blurred; see the module comment."""
    radius = int(np.ceil(3 * sigma))
    k = np.arange(-radius, radius + 1, dtype=np.float64)
    kernel = np.exp(-k * k / (2 * sigma * sigma))
    kernel /= kernel.sum()
    images = np.pad(x.reshape(-1, CELL, CELL), ((0, 0), (radius, radius), (radius, radius)))
    along_x = sum(kernel[i] * images[:, :, i:i + CELL] for i in range(2 * radius + 1))
    along_y = sum(kernel[i] * along_x[:, i:i + CELL, :] for i in range(2 * radius + 1))
    return along_y.reshape(x.shape)


def main():
    with open(MODEL) as f:
        model = json.load(f)
    with tempfile.TemporaryDirectory() as folder:
        theta1, theta2 = export_weights(folder)
    stored, labels = sheet_samples()
    train = np.array([i % TEST_EVERY != TEST_REMAINDER for i in range(len(labels))])
    x = stored[train].astype(np.float64) / 255.0
    if model.get("training", {}).get("deskew", False):
        x = deskew(x)
    if model.get("training", {}).get("inputBlur", 0) > 0:
        x = blur(x, float(model["training"]["inputBlur"]))
    y = labels[train]
    cases = []
    for lam in LAMBDAS:
        j, grad1, grad2 = cost_and_gradients(theta1, theta2, x, y, lam, model["hiddenActivation"],
                                             model["outputLayer"])
        cases.append({"lambda": lam, "split": "train", "samples": int(len(y)), "cost": float(j),
                      "theta1Gradient": [float(v) for v in grad1.reshape(-1)],
                      "theta2Gradient": [float(v) for v in grad2.reshape(-1)]})
    with open(os.path.join(RESOURCES, "default_model_reference.json"), "w") as f:
        json.dump({"generator": "scripts/model_reference.py", "numpy": np.__version__, "model": "assets/default-model.json",
                   "data": "assets/digits.png", "theta1Shape": list(theta1.shape), "theta2Shape": list(theta2.shape),
                   "cases": cases}, f)
        f.write("\n")
    with open(os.path.join(RESOURCES, "digits_sheet.json"), "w") as f:
        json.dump({"generator": "scripts/model_reference.py", "data": "assets/digits.png",
                   "meanPixel": float(stored.mean() / 255.0),
                   "sampleByteSums": [int(v) for v in stored.sum(axis=1)]}, f)
        f.write("\n")
    for case in cases:
        print("lambda %g: J = %r (train split, %d samples)" % (case["lambda"], case["cost"], case["samples"]))
    print("mean stored pixel of the sheet: %r" % float(stored.mean() / 255.0))


if __name__ == "__main__":
    main()
