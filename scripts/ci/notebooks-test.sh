#!/usr/bin/env bash
# Executes both notebooks end to end on results made here by the CLI (a small comparison with
# --timeseries, a small Sobol sweep and a small two-strategy Latin hypercube). Needs Debian's jupyter-nbconvert, python3-pandas,
# python3-matplotlib, python3-ipykernel and python3-yaml (.ci/run installs them); says SKIP otherwise.
set -euo pipefail
cd "$(dirname "$0")/../.."
if ! [ -x /usr/bin/jupyter ] || ! /usr/bin/python3 -c 'import pandas, matplotlib, yaml, ipykernel' 2>/dev/null; then
  echo "SKIP: notebooks not executed: Debian's jupyter-nbconvert, python3-pandas, python3-matplotlib,"
  echo "      python3-ipykernel and python3-yaml are not installed (apt-get install them; CI does)"
  exit 0
fi
[ -f target/narcosim.jar ] || { echo "FAIL: build the jar first (mvn -B -q -DskipTests package)"; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
java -jar target/narcosim.jar compare scenarios/classroom-balloon.yaml --replicates 3 --years 2 --timeseries \
  --out "$work/compare" -q > /dev/null
cat > "$work/sobol.yaml" <<YAML
name: sobol-notebook
scenario: $PWD/scenarios/classroom-balloon.yaml
strategies: [corridor-crackdown]
set: [run.years=2]
replicates: 1
design: {type: sobol, samples: 16}
parameters:
  military.interdict_prob: {min: 0.05, max: 0.4}
  cartel.loss_tolerance: {min: 0.02, max: 0.3}
outcomes: [delivered_kg_total, through_east_corridor_kg_total]
YAML
java -jar target/narcosim.jar sweep "$work/sobol.yaml" --out "$work/sobol" -q > /dev/null
# A Latin hypercube with two strategies and replicates: findings against the baseline and heat maps with noise.
cat > "$work/lhs.yaml" <<YAML
name: lhs-notebook
scenario: $PWD/scenarios/classroom-balloon.yaml
strategies: [baseline, corridor-crackdown]
set: [run.years=2]
replicates: 2
design: {type: lhs, samples: 12}
parameters:
  military.sweep_width_boat_km: {min: 5, max: 40}
  cartel.loss_tolerance: {min: 0.02, max: 0.3}
outcomes: [delivered_kg_total, seized_share]
YAML
java -jar target/narcosim.jar sweep "$work/lhs.yaml" --out "$work/lhs" -q > /dev/null
status=0
for pair in "compare-strategies:compare" "sweep-sensitivity:sobol" "sweep-sensitivity:lhs"; do
  nb=${pair%%:*}; dir=${pair##*:}
  if NARCOSIM_RESULTS="$work/$dir" PATH=/usr/bin:$PATH /usr/bin/jupyter nbconvert --to notebook --execute \
      "notebooks/$nb.ipynb" --output-dir "$work/out" --output "$nb-$dir" --ExecutePreprocessor.timeout=300 \
      > "$work/$nb.log" 2>&1; then
    echo "PASS: notebooks/$nb.ipynb executed end to end on $dir results"
  else
    echo "FAIL: notebooks/$nb.ipynb"; tail -30 "$work/$nb.log"; status=1
  fi
done
exit $status
