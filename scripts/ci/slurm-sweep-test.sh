#!/usr/bin/env bash
# End-to-end test of sharded sweeps on a real Slurm (single node on localhost), run by CI as root:
#   bash scripts/ci/slurm-sweep-test.sh
# Needs target/narcosim.jar (built by CI before; this script builds nothing) and
# ../shared/tools/setup-slurm.sh beside the project (override with SLURM_SETUP=path). Starts Slurm,
# stops it at the end. Steps:
#   1. the sweep on this machine, into one directory;
#   2. the same sweep as a held array job (scripts/slurm/sweep.sbatch, its default DIR and log path);
#      tasks 0-2 released and finished: merge must fail (exit 2) naming the held task's shard;
#      then the last task: merge, and runs.csv / summary.csv must be byte-identical to step 1;
#   3. a copy with one shard's part file removed: merge fails (exit 2) naming that shard; then the part
#      as a killed task leaves it (10 rows and half a row), and the shard redone with
#      sbatch --array=1 ... DIR --shard 2/4 (the README's recipe): identical again, no duplicated rows.
# Prints PASS/FAIL lines; exits non-zero on any failure. KEEP=1 keeps the work directories.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
root=$(pwd)

SETUP=${SLURM_SETUP:-../shared/tools/setup-slurm.sh}
SWEEP=scenarios/sweeps/lhs-classroom.yaml   # 160 runs
SETS=(--set run.years=1)                    # one-year runs: a few seconds in all
TASKS=4                                     # array 0-3: shards 1/4 .. 4/4

failures=0
pass() { echo "PASS: $*"; }
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
fatal() { echo "FAIL: $*"; exit 1; }   # the EXIT trap stops Slurm
t0=$SECONDS
elapsed() { echo "$((SECONDS - t0)) s"; }

if [ ! -f "$SETUP" ]; then
  echo "SKIP: Slurm sweep test skipped: $SETUP not found (it sits in ../shared/tools beside the project in CI)"
  exit 0
fi
if [ "$(id -u)" != 0 ]; then
  echo "SKIP: Slurm sweep test skipped: starting Slurm with $SETUP needs root"
  exit 0
fi

jar=target/narcosim.jar
[ -f "$jar" ] || fatal "$jar is missing: build it first (mvn -B -q -DskipTests package); this test builds nothing"
stale=$(find src/main pom.xml -newer "$jar" -print -quit)
[ -z "$stale" ] || fatal "$jar is older than $stale: rebuild it first (mvn -B -q -DskipTests package)"
command -v java >/dev/null || fatal "java is not on PATH"

work=$(mktemp -d /tmp/narcosim-slurm-test.XXXXXX)
array_dir=
jid=
redo_jid=
cleanup() {
  local rc=$?
  if [ -n "$jid" ]; then scancel "$jid" 2>/dev/null || true; fi
  echo "--- stopping Slurm"
  bash "$SETUP" stop || echo "WARN: $SETUP stop failed"
  if [ "$failures" -eq 0 ] && [ "$rc" -eq 0 ] && [ -z "${KEEP:-}" ]; then
    rm -rf "$work" ${array_dir:+"$array_dir"}
    local j
    for j in $jid $redo_jid; do rm -f results/slurm-logs/narcosim-sweep-"$j"_*.out; done
  else
    echo "kept for inspection: $work ${array_dir:-} results/slurm-logs/narcosim-sweep-{${jid:-},${redo_jid:-}}_*.out"
  fi
}
trap cleanup EXIT

# Waits until `squeue -h -r -j JOB -o '%K %t'` prints exactly $2 (or nothing, for ""), up to $3 s.
wait_queue() {
  local job=$1 want=$2 limit=$3 now end=$((SECONDS + $3))
  while :; do
    now=$(squeue -h -r -j "$job" -o '%K %t' 2>/dev/null | sort | tr '\n' ' ' | sed 's/ $//')
    [ "$now" = "$want" ] && return 0
    [ "$SECONDS" -ge "$end" ] && { echo "queue of job $job after ${limit}s: '$now' (waited for '$want')"; return 1; }
    sleep 1
  done
}

show_logs() {
  local f
  for f in results/slurm-logs/narcosim-sweep-{"$jid","$redo_jid"}_*.out; do
    [ -f "$f" ] && { echo "----- $f"; tail -n 20 "$f"; }
  done
  tail -n 20 /var/log/slurm/slurmctld.log /var/log/slurm/slurmd.log 2>/dev/null || true
}

same_results() {  # $1 reference dir, $2 dir, $3 what
  local f ok=0
  for f in runs.csv summary.csv sensitivity.csv effects.csv; do
    [ "$f" = sensitivity.csv ] && [ ! -f "$1/$f" ] && continue
    if cmp "$1/$f" "$2/$f"; then pass "$3: $f byte-identical to the single-machine sweep"
    else fail "$3: $f differs from the single-machine sweep"; ok=1; fi
  done
  return $ok
}

# merge_fails DIR SHARD WHAT: merge must exit 2 and name shard SHARD as missing.
merge_fails() {
  local out rc
  out=$(./narcosim merge "$1" 2>&1); rc=$?
  echo "    merge said: $out"
  if [ "$rc" -eq 2 ] && grep -q "shard(s) .*$2" <<<"$out"; then
    pass "$3: merge exits 2 naming the missing shard $2"
  else
    fail "$3: merge should exit 2 naming shard $2, got exit $rc"
  fi
}

echo "=== Slurm sweep test: $SWEEP ${SETS[*]}, $TASKS array tasks"
echo "--- starting Slurm ($SETUP)"
bash "$SETUP" start || fatal "could not start Slurm"
echo "    Slurm up after $(elapsed)"

# 1. single machine
single=$work/single
t=$SECONDS
./narcosim sweep "$SWEEP" "${SETS[@]}" --out "$single" --threads 2 -q \
  || fatal "single-machine sweep failed"
echo "    single-machine sweep: $((SECONDS - t)) s"

# 2. array job, held; default DIR (results/<name>-<job id>) and default log path of sweep.sbatch
mkdir -p results/slurm-logs
t=$SECONDS
sub=$(sbatch --parsable --hold --array=0-$((TASKS - 1)) --cpus-per-task=1 --time=00:10:00 \
      scripts/slurm/sweep.sbatch "$SWEEP" "${SETS[@]}") || fatal "sbatch failed"
jid=${sub%%;*}
array_dir=results/lhs-classroom-$jid
echo "    submitted array job $jid (held): ./narcosim sweep into $array_dir"

last=$((TASKS - 1))
scontrol release "${jid}_[0-$((last - 1))]" || fatal "scontrol release ${jid}_[0-$((last - 1))] failed"
if ! wait_queue "$jid" "$last PD" 300; then show_logs; fatal "tasks 0-$((last - 1)) did not finish"; fi
echo "    tasks 0-$((last - 1)) done after $((SECONDS - t)) s; task $last still held"
[ -f "$array_dir/manifest.yaml" ] || { show_logs; fatal "no $array_dir/manifest.yaml: the tasks did not run"; }
merge_fails "$array_dir" "$TASKS/$TASKS" "before the last task ran"
[ ! -e "$array_dir/runs.csv" ] && pass "no runs.csv while a shard is missing" \
  || fail "runs.csv exists although a shard is missing"

scontrol release "${jid}_$last" || fatal "scontrol release ${jid}_$last failed"
if ! wait_queue "$jid" "" 300; then show_logs; fatal "task $last did not finish"; fi
echo "    array job finished after $((SECONDS - t)) s"
logs=$(ls results/slurm-logs/narcosim-sweep-"$jid"_*.out 2>/dev/null | wc -l)
[ "$logs" -eq "$TASKS" ] && pass "one log per task in results/slurm-logs/" \
  || fail "expected $TASKS logs in results/slurm-logs/, found $logs"
for k in $(seq 1 "$TASKS"); do
  [ -s "$array_dir/parts/runs-$k-of-$TASKS.csv" ] || fail "no part file for shard $k/$TASKS"
done
if out=$(./narcosim merge "$array_dir" 2>&1); then
  pass "merge of the array job's $TASKS shards: $out"
  same_results "$single" "$array_dir" "array job" || show_logs
else
  fail "merge of the finished array job failed: $out"; show_logs
fi

# 3. a lost part file, then that shard redone
redo=$work/redo
cp -r "$array_dir" "$redo"
rm -f "$redo"/runs.csv "$redo"/summary.csv "$redo"/parts/runs-2-of-$TASKS.csv
merge_fails "$redo" "2/$TASKS" "part file of shard 2 removed"
# as if task 1 had been killed after 10 runs: the header, 10 rows and half a row
part=$redo/parts/runs-2-of-$TASKS.csv
{ head -n 11 "$array_dir/parts/runs-2-of-$TASKS.csv"; sed -n 12p "$array_dir/parts/runs-2-of-$TASKS.csv" | head -c 25; } > "$part"
t=$SECONDS
# as the README says: the failed array index again (task 1 = shard 2/4), with DIR and --shard K/N
redo_sub=$(sbatch --wait --parsable --array=1 --cpus-per-task=1 --time=00:10:00 \
           scripts/slurm/sweep.sbatch "$SWEEP" "$redo" "${SETS[@]}" --shard "2/$TASKS"); rc=$?
redo_jid=${redo_sub%%;*}
if [ "$rc" -eq 0 ]; then
  echo "    shard 2/$TASKS redone in $((SECONDS - t)) s"
  rows=$(($(wc -l < "$part") - 1)) want=$(($(wc -l < "$array_dir/parts/runs-2-of-$TASKS.csv") - 1))
  [ "$rows" -eq "$want" ] && pass "shard redone: its part has $rows rows, none lost or duplicated" \
    || fail "shard redone: its part has $rows rows, expected $want"
  if out=$(./narcosim merge "$redo" 2>&1); then
    same_results "$single" "$redo" "shard redone" || true
  else
    fail "merge after redoing shard 2/$TASKS failed: $out"
  fi
else
  fail "sbatch --wait of shard 2/$TASKS failed (exit $rc)"; show_logs
fi

echo "=== $( [ "$failures" -eq 0 ] && echo PASS || echo "FAIL ($failures)" ): Slurm sweep test, $(elapsed) in all"
[ "$failures" -eq 0 ]
