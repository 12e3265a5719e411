#!/usr/bin/env python3
"""Two-sample tests of a compare experiment's outcomes, strategy by strategy, between two builds.

For a change that must keep the model's distributions but not its random draws (issue 16): run the same
`narcosim compare` with the jar before and the jar after, then
    scripts/dev/compare-distributions.py BEFORE_DIR AFTER_DIR [OUTCOME ...]
prints, for every strategy and outcome in runs.csv, both means, Welch's t-test p-value and the two-sample
Kolmogorov-Smirnov p-value, and the Holm-adjusted smallest p over all tests of each kind. Needs scipy.
"""
import csv
import sys

from scipy import stats

DEFAULT = ["delivered_kg_total", "price_usd_kg_final_year", "mean_trust_final_year", "mean_fear_final_year",
           "tips_total", "recruits_total", "arrests_total", "violent_incidents_total", "coca_ha_final_year",
           "active_smugglers_final_year"]


def load(d):
    rows = {}
    with open(f"{d}/runs.csv") as f:
        for r in csv.DictReader(f):
            rows.setdefault(r["strategy"], []).append(r)
    return rows


def holm(ps):
    """Holm-adjusted p-values, in the input order."""
    m = len(ps)
    order = sorted(range(m), key=lambda i: ps[i])
    adj = [0.0] * m
    run = 0.0
    for rank, i in enumerate(order):
        run = max(run, min(1.0, (m - rank) * ps[i]))
        adj[i] = run
    return adj


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    before, after = load(sys.argv[1]), load(sys.argv[2])
    outcomes = sys.argv[3:] or DEFAULT
    results = []
    for s in before:
        for o in outcomes:
            a = [float(r[o]) for r in before[s]]
            b = [float(r[o]) for r in after[s]]
            if max(a + b) == min(a + b):
                results.append((s, o, sum(a) / len(a), sum(b) / len(b), float("nan"), float("nan"), len(a), len(b)))
                continue
            t = stats.ttest_ind(a, b, equal_var=False).pvalue if len(set(a + b)) > 1 else float("nan")
            ks = stats.ks_2samp(a, b).pvalue
            results.append((s, o, sum(a) / len(a), sum(b) / len(b), t, ks, len(a), len(b)))
    tp = [r[4] for r in results if r[4] == r[4]]
    kp = [r[5] for r in results if r[5] == r[5]]
    print("| strategy | outcome | mean before | mean after | change | Welch p | KS p |")
    print("|---|---|---|---|---|---|---|")
    for s, o, ma, mb, t, ks, na, nb in results:
        ch = (mb - ma) / abs(ma) * 100 if ma else float("nan")
        flag = lambda p: f"**{p:.3f}**" if p < 0.05 else f"{p:.3f}"
        print(f"| {s} | {o} | {ma:.4g} | {mb:.4g} | {ch:+.1f}% | {flag(t)} | {flag(ks)} |")
    print()
    print(f"{len(tp)} Welch tests: {sum(p < 0.05 for p in tp)} below 0.05, {sum(p < 0.01 for p in tp)} below 0.01; "
          f"smallest {min(tp):.4f}, Holm-adjusted {min(holm(tp)):.3f}")
    print(f"{len(kp)} KS tests: {sum(p < 0.05 for p in kp)} below 0.05, {sum(p < 0.01 for p in kp)} below 0.01; "
          f"smallest {min(kp):.4f}, Holm-adjusted {min(holm(kp)):.3f}")


if __name__ == "__main__":
    main()
