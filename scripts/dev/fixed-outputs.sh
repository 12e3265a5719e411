#!/usr/bin/env bash
# Writes the CSV outputs of a fixed set of commands on fixed seeds into DIR, for proving that a
# refactoring changes no number: run it before and after, then `diff -r BEFORE AFTER`.
# (Manifests and report pages hold timestamps and are left out; compressed files are unpacked.)
#   scripts/dev/fixed-outputs.sh /tmp/before
set -euo pipefail
out=${1:?usage: scripts/dev/fixed-outputs.sh DIR (a new directory)}
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
[ ! -e "$out" ] || { echo "fixed-outputs: $out exists; give a new directory" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
n=./narcosim
$n run scenarios/central-america.yaml --strategy integrated --seed 7 --years 2 -q --out "$work/run" >/dev/null
$n run scenarios/classroom-hearts-and-minds.yaml --strategy heavy-handed --seed 3 --years 2 -q --out "$work/run-hm" >/dev/null
$n run scenarios/classroom-partnership-gap.yaml --strategy "$(sed -n 's/^  - id: \(.*withdraw.*\)/\1/p' scenarios/classroom-partnership-gap.yaml | head -1)" \
  --seed 5 --years 3 -q --out "$work/run-gap" >/dev/null
$n compare scenarios/classroom-balloon.yaml --replicates 3 --years 2 --timeseries -q --out "$work/compare" >/dev/null
$n compare scenarios/central-america.yaml --replicates 2 --years 1 -q --out "$work/compare-ca" >/dev/null
$n sweep scenarios/sweeps/lhs-classroom.yaml --set run.years=1 -q --out "$work/sweep" >/dev/null
$n patterns --only seizure-share,trust --replicates 2 --set run.years=3 -q --out "$work/patterns" >/dev/null
mkdir -p "$out"
(cd "$work" && find . -name '*.csv' -o -name '*.csv.gz' | grep -v '/parts/' | sort) | while read -r f; do
  mkdir -p "$out/$(dirname "$f")"
  case $f in
    *.gz) gunzip -c "$work/$f" > "$out/${f%.gz}" ;;
    *) cp "$work/$f" "$out/$f" ;;
  esac
done
echo "fixed-outputs: $(find "$out" -type f | wc -l) files in $out"
