#!/usr/bin/env bash
# Reruns the table of BENCHMARKS.md: every target's current figure beside the peer measured in the
# same run (NumPy, scikit-learn). Prints the rows as Markdown; raw output goes to target/bench/.
#
#   scripts/bench.sh            # everything (~10 min on the 2-core VM)
#   scripts/bench.sh train      # only some parts: train epoch frames drag drawings memory
#
# Needs: JDK 17, Maven, python3 with NumPy (scikit-learn is installed with pip if missing),
# optionally Debian's dataset-fashion-mnist for the memory row. Run it on a quiet machine: every
# figure is a wall time, and the load average is printed with each row.
set -euo pipefail
cd "$(dirname "$0")/.."
parts=("$@")
[ ${#parts[@]} -gt 0 ] || parts=(train epoch frames drag drawings memory)
want() { local p; for p in "${parts[@]}"; do [ "$p" = "$1" ] && return 0; done; return 1; }
out=target/bench
mkdir -p "$out"
load() { cut -d' ' -f1 /proc/loadavg; }
row() { printf '| %s | %s | %s | %s | load %s |\n' "$1" "$2" "$3" "$4" "$(load)"; }

mvn -B -o -q package -DskipTests
mvn -B -o -q test-compile
mvn -B -o -q dependency:build-classpath -Dmdep.outputFile="$out/cp.txt" -Dmdep.includeScope=test
CP="target/classes:target/test-classes:$(cat "$out/cp.txt")"
VEC=--add-modules=jdk.incubator.vector
FX="$VEC -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw -Dprism.text=t2k"
JAR=target/hidden-neurons.jar
NUMPY_ENV=(env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE)

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(java -version 2>&1 | head -1)"
echo
echo "| what | figure | goal | peer (same run) | |"
echo "|---|---|---|---|---|"

median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
json() { python3 -c "import json,sys; d=json.loads(sys.stdin.read().strip().splitlines()[-1]); print(d$1)"; }

if want train; then
  # The default `train` (no flags), seeds 1-3: the trainer's seconds, test accuracy, smoothness.
  for s in 1 2 3; do
    java $VEC -jar $JAR train --seed $s --out "$out/model-$s.json" 2>/dev/null | tail -1 > "$out/train-$s.json"
  done
  secs=$(for s in 1 2 3; do json "['seconds']" < "$out/train-$s.json"; done | median)
  acc=$(for s in 1 2 3; do json "['testAccuracy']" < "$out/train-$s.json"; done | median)
  smooth=$(for s in 1 2 3; do json "['pictureSmoothness']" < "$out/train-$s.json"; done | median)
  python3 -c "import sklearn" 2>/dev/null || pip install -q scikit-learn >/dev/null
  peer=$("${NUMPY_ENV[@]}" python3 scripts/sklearn_peer.py 2>/dev/null | tail -1)
  row "default \`train\`, wall time (median of seeds 1-3)" "${secs} s" "< 1.0 s, ahead of the peer" "scikit-learn lbfgs MLP (α = 1): $peer"
  row "default \`train\`, test accuracy (median of seeds 1-3)" "$acc" "≥ 0.965" ""
  row "default \`train\`, picture smoothness (median of seeds 1-3)" "$smooth" "≥ 0.80" ""
fi

if want epoch; then
  # One full-batch epoch (4000 × 400 → 25 → 10, forward + backprop + update), JMH vs NumPy.
  mvn -B -o -q -Pbench exec:exec -Dbench.args="EpochBenchmark -p variant=fast -p batchSize=4000 -f 1 -wi 5 -i 10 -rf json -rff $out/epoch.json" > "$out/epoch.log" 2>&1
  java_ms=$(python3 -c "import json; d=json.load(open('$out/epoch.json'))[0]['primaryMetric']; print(round(d['scorePercentiles']['50.0'], 2))")
  numpy_ms=$("${NUMPY_ENV[@]}" python3 scripts/numpy_epoch.py 300 2>/dev/null | grep -o 'median [0-9.]*' || true)
  row "full-batch epoch, median" "${java_ms} ms" "≤ 5 ms, at NumPy's speed" "NumPy float64: $numpy_ms ms"
fi

if want frames; then
  # Frame interval while the window trains (Monocle, software rendering).
  java $FX -Dharness.warmUpSeconds=20 -Dharness.dragEveryMillis=0 -cp "$CP" \
      org.hiddenneurons.ui.FrameTimingHarness 15 window > "$out/frames.log" 2>&1 || true
  p95=$(grep -m1 'frame interval' "$out/frames.log" | grep -o 'p95 [0-9.]* ms' || echo "see $out/frames.log")
  row "frame interval while training" "$p95" "p95 ≤ 17 ms" ""
fi

if want drag; then
  # One drag with the dossier open: allocation per mouse event and FX-thread time.
  java $FX -cp "$CP" org.hiddenneurons.ui.RepaintCostHarness 80 > "$out/drag.log" 2>&1 || true
  row "drag on the pad (RepaintCostHarness)" "see $out/drag.log" "one forward pass per frame" ""
fi

if want drawings; then
  # Pad-style drawings read by the bundled model.
  if [ -x scripts/drawings.sh ]; then
    scripts/drawings.sh "$out/drawings" > /dev/null
    acc=$(java $VEC -jar $JAR evaluate --model assets/default-model.json --data "$out/drawings" --json 2>/dev/null | json "['accuracy']")
    row "pad-style drawings read by the bundled model" "$acc" "≥ 0.97" ""
  fi
fi

if want memory; then
  fm=/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz
  if [ -f "$fm" ]; then
    /usr/bin/time -v java -Xmx1g $VEC -jar $JAR train --data "$fm" --epochs 1 --seed 1 --out "$out/fashion.json" \
        > "$out/memory.log" 2>&1 || true
    rss=$(grep 'Maximum resident' "$out/memory.log" | awk '{print $NF}')
    row "Fashion-MNIST 60 000 × 784, one epoch under -Xmx1g" "peak RSS $((rss / 1024)) MB" "runs under -Xmx1g" ""
  fi
fi
