"""Placing 100k systems must take at most 2× a hand-written if-chain over the same rows.

Both run in this process over the same generated records; each figure is the best of several
repeats (the least disturbed run). ``run()`` returns rows for ``benchmarks/run_all.py``::

    python benchmarks/bench_placement.py [N]
"""

from __future__ import annotations

import sys
import time

from migration_planner.inventory.contract import SystemRecord
from migration_planner.placement import place_many

TARGET = 2.0
_FITS = ("適合", "不適合", "未検討")
_TIERS = ("住民情報系基幹", "内部情報系基幹", "各局")


def make_records(n: int) -> list[SystemRecord]:
    """``n`` records that reach every step in a deterministic mix (no randomness)."""
    out = []
    for i in range(n):
        out.append(SystemRecord(
            system_id=f"B{i:07d}", name=f"システム{i}", department=f"局{i % 23}", tier=_TIERS[i % 3],
            servers=i % 40,
            workloads=["1", "2"] if i % 13 == 0 else ([str(i % 20 + 1)] if i % 17 == 0 else []),
            resident_core=i % 11 == 0,
            saas_candidate=f"サービス{i % 97}" if i % 3 else "",
            saas_fit=_FITS[(i // 3) % 3],
            cloud_blocker="専用回線" if i % 5 == 0 else "",
            next_renewal_fy=2024 + i % 8, annual_cost=(i * 37) % 500_000,
        ))
    return out


def hand_written(records: list[SystemRecord]) -> list[str]:
    """The baseline: what anyone would write for the decision order, destination only."""
    out = []
    for r in records:
        if r.workloads or r.resident_core:
            out.append("gov_cloud")
        elif r.saas_candidate and r.saas_fit != "不適合":
            out.append("saas")
        elif not r.cloud_blocker:
            out.append("common_cloud")
        else:
            out.append("on_premises")
    return out


def _best(fn, arg, repeats: int) -> float:
    best = float("inf")
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn(arg)
        best = min(best, time.perf_counter() - t0)
    return best


def run(n: int = 100_000, repeats: int = 7) -> list[dict]:
    records = make_records(n)
    # Same answer first: a fast wrong result is no result.
    placed = place_many(records)
    assert placed.destinations() == hand_written(records), "placement disagrees with the if-chain"
    k = f"{n // 1000}k" if n >= 1000 else str(n)
    baseline = _best(hand_written, records, repeats)
    ours = _best(place_many, records, repeats)
    with_names = _best(lambda rs: place_many(rs).destinations(), records, repeats)
    return [
        {"name": f"placement {k} systems", "value_s": ours, "baseline_name": "hand-written if-chain",
         "baseline_s": baseline, "ratio": ours / baseline, "target": TARGET},
        {"name": f"placement {k} systems, destination codes listed", "value_s": with_names,
         "baseline_name": "hand-written if-chain", "baseline_s": baseline, "ratio": with_names / baseline,
         "target": TARGET},
    ]


def trace_cost(n: int = 100_000, repeats: int = 3) -> float:
    """Seconds to build every Placement with its trace sentences (for information: the target is
    about deciding; sentences are built when a view or an export asks for them)."""
    records = make_records(n)
    return _best(lambda rs: [p.reasons for p in place_many(rs)], records, repeats)


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    for row in run(n):
        ok = "OK" if row["ratio"] <= row["target"] else "SLOW"
        print(f"{row['name']}: {row['value_s'] * 1000:.1f} ms vs {row['baseline_name']} "
              f"{row['baseline_s'] * 1000:.1f} ms → ratio {row['ratio']:.2f} (target ≤ {row['target']}) {ok}")
    print(f"(information) every Placement with its trace sentences, {n} systems: {trace_cost(n) * 1000:.0f} ms")
