#!/usr/bin/env bash
# Reruns the table of BENCHMARKS.md: each target's current figure beside the peer measured in the
# same run (NumPy, scikit-learn). Prints the rows as Markdown; raw output goes to target/bench/.
#
#   scripts/bench.sh                    # every part (~15 min on the 2-core VM)
#   scripts/bench.sh train drawings     # only the named parts, in the order given
#
# Parts: train epoch frames drag views pace micro drawings memory
#   train     default `train`, seeds 1-3: wall time, test accuracy, picture smoothness; scikit-learn peer
#   epoch     one full-batch epoch (EpochBenchmark, JMH) beside scripts/numpy_epoch.py
#   frames    frame interval while training: workbench (large tiles) and the Compare runs page
#   drag      a drag with the dossier open (DragCostHarness): FX-thread bytes and CPU per event
#   views     opening the dossier / teaching views after a network change (JMH)
#   pace      the lesson-paced first run (LessonPaceHarness): how long the formation is visible
#   micro     tile rendering, preprocessing a drawing, one-example forward pass (JMH)
#   drawings  pad-style drawings (PadDrawings, 600, seed 1) read by the bundled model
#   memory    Fashion-MNIST 60 000 x 784, one epoch under -Xmx1g (Debian's dataset-fashion-mnist)
#
# Needs: JDK 17, Maven (offline repository filled), python3 with NumPy; scikit-learn for the train
# peer (pip install scikit-learn). Every figure is a wall or CPU time on a shared machine: each row
# carries the 1-minute load average when it was printed; quote figures only from a quiet machine.
set -euo pipefail
cd "$(dirname "$0")/.."
all=(train epoch frames drag views pace micro drawings memory)
parts=("$@")
[ ${#parts[@]} -gt 0 ] || parts=("${all[@]}")
for p in "${parts[@]}"; do
  case " ${all[*]} " in *" $p "*) ;; *) echo "bench.sh: unknown part '$p' (parts: ${all[*]})" >&2; exit 2;; esac
done
want() { local p; for p in "${parts[@]}"; do [ "$p" = "$1" ] && return 0; done; return 1; }
out=target/bench
mkdir -p "$out"
export MAVEN_OPTS="${MAVEN_OPTS:--Xmx1g}"

load() { cut -d' ' -f1 /proc/loadavg; }
row() { printf '| %s | %s | %s | %s | load %s, %s |\n' "$1" "$2" "$3" "$4" "$(load)" "$(date -u +%H:%M)"; }
median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
# The last line of stdin as JSON; prints the field named by $1 (e.g. "['seconds']").
json() { python3 -c "import json,sys; d=json.loads(sys.stdin.read().strip().splitlines()[-1]); print(d$1)"; }
# Field $2 of the first result of a JMH JSON file $1 matching benchmark suffix $3 (primaryMetric).
jmh() { python3 - "$@" <<'EOF'
import json, sys
path, field, name = sys.argv[1], sys.argv[2], sys.argv[3]
params = dict(p.split("=") for p in sys.argv[4:])
for r in json.load(open(path)):
    if r["benchmark"].endswith(name) and all(r.get("params", {}).get(k) == v for k, v in params.items()):
        m = r["primaryMetric"]
        if field == "median":
            print("%.3g %s" % (m["scorePercentiles"]["50.0"], m["scoreUnit"]))
        else:
            print("%.3g ± %.2g %s" % (m["score"], m["scoreError"], m["scoreUnit"]))
        break
else:
    print("n/a")
EOF
}

nice mvn -B -o -q package -DskipTests
nice mvn -B -o -q dependency:build-classpath -Dmdep.outputFile="$out/cp.txt" -Dmdep.includeScope=test
CP="target/classes:target/test-classes:$(cat "$out/cp.txt")"
VEC=--add-modules=jdk.incubator.vector
FX="$VEC -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw -Dprism.text=t2k"
JAR=target/hidden-neurons.jar
NUMPY_ENV=(env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE)

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(java -version 2>&1 | head -1),"\
     "NumPy $(python3 -c 'import numpy; print(numpy.__version__)'); $(date -u '+%Y-%m-%d %H:%M UTC'), load $(load)"
echo
echo "| target | figure | goal | peer (same run) | conditions |"
echo "|---|---|---|---|---|"

for part in "${parts[@]}"; do case "$part" in
train)
  # The default `train` (no flags), seeds 1-3: the trainer's clock (`seconds`), test accuracy, smoothness.
  for s in 1 2 3; do
    java -jar $JAR train --seed $s --out "$out/model-$s.json" 2> "$out/train-$s.log" | tail -1 > "$out/train-$s.json"
  done
  secs=$(for s in 1 2 3; do json "['seconds']" < "$out/train-$s.json"; done | median | xargs printf '%.2f')
  acc=$(for s in 1 2 3; do json "['testAccuracy']*100" < "$out/train-$s.json"; done | median | xargs printf '%.1f')
  smooth=$(for s in 1 2 3; do json "['pictureSmoothness']" < "$out/train-$s.json"; done | median | xargs printf '%.3f')
  each() { for s in 1 2 3; do json "$1" < "$out/train-$s.json"; done | xargs printf "$2" | sed 's| / $||'; }
  peer=$("${NUMPY_ENV[@]}" python3 scripts/sklearn_peer.py --seeds 1,2,3 2>&1 | tee "$out/sklearn.log" | tail -1) \
    || peer="scikit-learn missing (pip install scikit-learn)"
  row "default \`train\`: wall time, median of seeds 1-3 ($(each "['seconds']" '%.2f / ') s)" "${secs} s" "< 1.0 s, ahead of the peer" "scikit-learn lbfgs MLP (25, α = 1), seeds 1-3, $peer"
  row "default \`train\`: test accuracy, median of seeds 1-3 ($(each "['testAccuracy']*100" '%.1f / ') %)" "$acc %" "≥ 96.5 %" "(scikit-learn: same line)"
  row "default \`train\`: picture smoothness, median of seeds 1-3 ($(each "['pictureSmoothness']" '%.3f / '))" "$smooth" "≥ 0.80" ""
  ;;
epoch)
  # One full-batch epoch (4000 × 400 → 25 → 10, forward + backprop + update), JMH vs NumPy (random data, float64).
  java $VEC -cp "$CP" org.openjdk.jmh.Main EpochBenchmark -p variant=fast -p batchSize=4000 -p data=digits,random \
      -f 1 -wi 5 -i 10 -rf json -rff "$out/epoch.json" > "$out/epoch.log" 2>&1
  numpy=$("${NUMPY_ENV[@]}" python3 scripts/numpy_epoch.py 300 2>&1 | tee "$out/numpy.log" | grep -o 'median [0-9.]*' | cut -d' ' -f2)
  row "full-batch epoch, 2 threads, median (digits)" "$(jmh "$out/epoch.json" median gradientDescentStep data=digits)" "≤ 5 ms" ""
  row "full-batch epoch, 2 threads, median (random data)" "$(jmh "$out/epoch.json" median gradientDescentStep data=random)" "at NumPy's speed" "NumPy float64, random data: ${numpy} ms"
  ;;
frames)
  # Frame interval while the window trains (Monocle, software rendering, 20 s warm-up, 15 s measured, no drags).
  java $FX -Dharness.warmUpSeconds=20 -Dharness.dragEveryMillis=0 -cp "$CP" \
      org.hiddenneurons.ui.FrameTimingHarness 15 window > "$out/frames.log" 2>&1 || true
  java $FX -Dharness.page=compare -Dharness.warmUpSeconds=20 -cp "$CP" \
      org.hiddenneurons.ui.FrameTimingHarness 15 window > "$out/frames-compare.log" 2>&1 || true
  p95() { grep -m1 "$2" "$1" | grep -o 'p95 [0-9.]* ms' || echo "failed, see $1"; }
  # FX + render thread CPU per frame (p50/p95/p99/max ms): what the frames cost, nearly load-independent.
  cpu() { grep -m1 '^CPU per frame (ms' "$1" | grep -o 'both [0-9./]*' || echo "n/a"; }
  row "frame interval p95 while training, workbench (large tiles)" "$(p95 "$out/frames.log" '^frame interval'), CPU per frame $(cpu "$out/frames.log")" "≤ 17 ms" "trainer in the window: $(grep -m1 '^training, window open' "$out/frames.log" | grep -o '[0-9.]* epochs/s' | head -1)"
  row "frame interval p95 while training, Compare runs page" "$(p95 "$out/frames-compare.log" '^compare page'), CPU per frame $(cpu "$out/frames-compare.log")" "≤ 17 ms" ""
  ;;
drag)
  # One drag with the dossier open (Hidden-unit page, no training): FX thread's allocation and CPU.
  java $FX -cp "$CP" org.hiddenneurons.ui.DragCostHarness 60 > "$out/drag.log" 2>&1 || true
  fig() { grep -m1 "^$1" "$out/drag.log" | sed 's/^[^:]*: FX thread //' || echo "failed, see $out/drag.log"; }
  row "drag, dossier open: one event alone in its frame" "$(fig 'event (')" "one forward pass per frame" ""
  row "drag, dossier open: 4 events in one frame + 2 pulses" "$(fig 'burst (')" "" ""
  # The same with the slider's thinnest pen (10 px): every drawing's pen is thickened (data.StrokeWidth).
  java $FX -Dharness.penWidth=10 -cp "$CP" org.hiddenneurons.ui.DragCostHarness 60 > "$out/drag-thin.log" 2>&1 || true
  thin() { grep -m1 "^$1" "$out/drag-thin.log" | sed 's/^[^:]*: FX thread //' || echo "failed, see $out/drag-thin.log"; }
  row "drag, dossier open, 10 px pen: one event alone in its frame" "$(thin 'event (')" "" ""
  row "drag, dossier open, 10 px pen: 4 events in one frame + 2 pulses" "$(thin 'burst (')" "" ""
  ;;
views)
  # Opening the dossier and the issue-17 views after a network change (JMH, AverageTime).
  # 15 warm-up iterations: on a loaded machine the JIT is still compiling after 3, and its slow
  # first iterations made the error bar wider than the figure.
  java $VEC -cp "$CP" org.openjdk.jmh.Main 'DossierOpenBenchmark.afterNetworkChange|TeachingViewsBenchmark.afterNetworkChange' \
      -f 1 -wi 15 -i 20 -rf json -rff "$out/views.json" > "$out/views.log" 2>&1
  row "open the dossier after a network change" "$(jmh "$out/views.json" mean DossierOpenBenchmark.afterNetworkChange)" "< 100 ms" ""
  row "open the teaching views after a network change" "$(jmh "$out/views.json" mean TeachingViewsBenchmark.afterNetworkChange)" "< 100 ms" ""
  ;;
pace)
  # The window's default first run from random weights at lesson pace (wall clock).
  java $VEC -cp "$CP" org.hiddenneurons.bench.LessonPaceHarness > "$out/pace.log" 2>&1
  row "lesson-paced first run" "$(tail -1 "$out/pace.log")" "formation visible for seconds" ""
  ;;
micro)
  java $FX -cp "$CP" org.openjdk.jmh.Main \
      'TileRenderBenchmark.tilePixelsShared|TileRenderBenchmark.gridSetNetwork|PreprocessBenchmark|ForwardBenchmark.forwardOneExample' \
      -f 1 -wi 3 -i 5 -rf json -rff "$out/micro.json" > "$out/micro.log" 2>&1
  row "fill all 25 tile images" "$(jmh "$out/micro.json" mean tilePixelsShared)" "< 2 ms" ""
  row "\`HiddenUnitGrid.setNetwork\` on the FX thread" "$(jmh "$out/micro.json" mean gridSetNetwork)" "< 2 ms" ""
  row "preprocess a 280×280 drawing" "$(jmh "$out/micro.json" mean preprocess280x280Drawing)" "< 2 ms" ""
  row "forward pass of one example" "$(jmh "$out/micro.json" median forwardOneExample)" "< 50 µs" ""
  ;;
drawings)
  # Pad-style drawings (the pad's rasterizer and preprocessing) read by the bundled model.
  rm -rf "$out/drawings"
  java -cp target/classes:target/test-classes org.hiddenneurons.data.PadDrawings \
      --out "$out/drawings" --count 600 --seed 1 > "$out/drawings.log" 2>&1
  java -jar $JAR evaluate --model assets/default-model.json --data "$out/drawings" --split all --json \
      2>> "$out/drawings.log" | tail -1 > "$out/drawings.json"
  row "pad-style drawings read by the bundled model (600, seed 1)" \
      "$(json "['accuracy']*100" < "$out/drawings.json" | xargs printf '%.1f') % ($(json "['correct']" < "$out/drawings.json") of $(json "['samples']" < "$out/drawings.json"))" "≥ 97 %" ""
  ;;
memory)
  fm=/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz
  if [ -f "$fm" ]; then
    /usr/bin/time -v java -Xmx1g -jar $JAR train --data "$fm" --epochs 1 --seed 1 --out "$out/fashion.json" \
        > "$out/memory.log" 2>&1 || true
    rss=$(grep 'Maximum resident' "$out/memory.log" | awk '{print $NF}')
    ok=$(grep -q '"testAccuracy"' "$out/memory.log" && echo "ran" || echo "FAILED")
    row "Fashion-MNIST 60 000 × 784, one epoch under -Xmx1g" "$ok, peak RSS $((${rss:-0} / 1024)) MB" "runs under -Xmx1g" ""
    # The window (headless Monocle) opening it and training one epoch from random weights at lesson pace.
    /usr/bin/time -v java -Xmx1g $VEC -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw \
        -Dprism.text=t2k -cp "$CP" org.hiddenneurons.ui.WindowLargeDataHarness "$fm" 1 > "$out/memory-window.log" 2>&1 || true
    wrss=$(grep 'Maximum resident' "$out/memory-window.log" | awk '{print $NF}')
    row "Fashion-MNIST in the window, one lesson-paced epoch under -Xmx1g" \
        "$(grep -h 'paced snapshots shown' "$out/memory-window.log"); $(grep -h 'epoch(s) in' "$out/memory-window.log" | cut -d';' -f1-2); peak RSS $((${wrss:-0} / 1024)) MB" \
        "paced part about as long as on the digits; runs under -Xmx1g" ""
  else
    row "Fashion-MNIST 60 000 × 784, one epoch under -Xmx1g" "not run: $fm missing (apt install dataset-fashion-mnist)" "runs under -Xmx1g" ""
  fi
  ;;
esac; done
