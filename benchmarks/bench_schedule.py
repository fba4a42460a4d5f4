"""Schedule speed: CPM on a 10k-task DAG, Monte Carlo over the 20 workloads, the re-plan.

* **CPM** (levelize + forward + backward + critical path, all included) on a random 10k-task DAG
  against ``list(networkx.topological_sort(G))`` of the same graph (target ≤ 2×). Two graph shapes
  are timed: a shallow project network (predecessors drawn from all earlier tasks) and a deep one
  (predecessors from the 50 tasks before): the array passes cost per topological level.
* **Monte Carlo**, 10k samples over the sample city's 22 workloads × 40 steps, against a per-sample
  Python loop doing the same work (that sample's PERT draws with numpy, then a pure-Python forward
  pass with the same release dates and blackout rule). The loop is timed on ``loop_samples`` samples
  and scaled linearly to 10k (it is linear in samples); the row's name says so. Target ≤ 0.1×.
  Before timing, the loop's forward pass is checked against the vectorised one on the same draws.
* **Re-plan** of the 20 workloads (read the plan, build the graph, capacity, blackout, CPM, status),
  as the views do after each edit: absolute target 0.2 s (baseline column = the target itself).
"""

from __future__ import annotations

import datetime as dt
import tempfile
import time
from pathlib import Path

import networkx as nx
import numpy as np

from benchmarks.generators import random_dag
from migration_planner.inventory import read_inventory
from migration_planner.schedule import compute_schedule
from migration_planner.schedule.graph import cpm, forward
from migration_planner.schedule.montecarlo import draw_durations, simulate
from migration_planner.schedule.planner import _Blackout, build_model, plan_capacity, schedule_inputs
from migration_planner.schedule.calendar import WorkCalendar
from migration_planner.store import Plan

SAMPLE = Path(__file__).resolve().parents[1] / "sample_inventory.xlsx"
AS_OF = dt.date(2026, 11, 21)
QUICK_KWARGS = {"samples": 2000, "loop_samples": 200}


def _best(fn, repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def _cpm_rows(n: int) -> list[dict]:
    rows = []
    for label, window in (("shallow", None), ("deep, window 50", 50)):
        src, dst, dur = random_dag(n, seed=1, window=window)
        g = nx.DiGraph()
        g.add_nodes_from(range(n))
        g.add_edges_from(zip(src.tolist(), dst.tolist()))
        res = cpm(n, src, dst, dur)
        depth = len(res.path)
        base = _best(lambda: list(nx.topological_sort(g)))
        mine = _best(lambda: cpm(n, src, dst, dur))
        rows.append({
            "name": f"CPM pass, {n:,}-task DAG ({label}, {src.size:,} edges, path {depth} tasks)",
            "value_s": mine, "baseline_name": "networkx.topological_sort", "baseline_s": base,
            "ratio": mine / base, "target": 2.0,
        })
    return rows


def _city_plan(folder: str) -> Plan:
    plan = Plan.open(str(Path(folder) / "bench.mplan"))
    plan.apply_inventory(read_inventory(str(SAMPLE)).records)
    return plan


def _python_forward(order, preds, dur_row, release, ready_bundle, windows, allowed, nxt):
    """One sample's early finishes, the plain-Python way."""
    ef = [0] * len(order)
    for v in order:
        s = 0
        for u in preds[v]:
            if ef[u] > s:
                s = ef[u]
        if release[v] > s:
            s = release[v]
        b = ready_bundle.get(v)
        if b is not None:  # the same rule as calendar.shift_out_of_blackout, in plain Python
            top = len(allowed) - 1
            s = nxt[min(max(s, 0), top)]
            last = min(s + max(windows[b], 1) - 1, top)
            if not allowed[last]:
                s = nxt[last]
        ef[v] = s + dur_row[v]
    return ef


def _mc_rows(samples: int, loop_samples: int) -> list[dict]:
    with tempfile.TemporaryDirectory() as folder:
        plan = _city_plan(folder)
        inp = schedule_inputs(plan)
        plan.close()
    cal = WorkCalendar(AS_OF)
    model = build_model(inp)
    blackout = _Blackout(model, cal, inp.blackout)
    blackout.window = blackout.windows(model.dur)
    _, _, release, _ = plan_capacity(model, inp, blackout)  # as solve() does: vendor hand-overs join the graph

    order = model.levels.order.tolist()
    lv = model.levels
    preds = [lv.pred_src[lv.pred_ptr[v]:lv.pred_ptr[v + 1]].tolist() for v in range(model.n)]
    rel = release.astype(int).tolist()
    ready_bundle = {int(r): b for b, r in enumerate(model.ready)}
    allowed, nxt = blackout.allowed.tolist(), blackout.next.tolist()
    variable = np.flatnonzero(model.remaining & (model.p > model.o))

    # The loop and the vectorised pass agree on the same draws.
    rng = np.random.default_rng(9)
    dur = draw_durations(model.o, model.m, model.p, model.dur, variable, 50, rng)
    blackout.window = blackout.windows(dur)
    _, ef = forward(lv, dur, release.astype(np.int32), blackout)
    for i in range(50):
        py = _python_forward(order, preds, dur[i].tolist(), rel, ready_bundle, blackout.window[i].tolist(),
                             allowed, nxt)
        assert py == ef[i].tolist(), "per-sample loop disagrees with the vectorised pass"

    def loop(k):
        rng = np.random.default_rng(0)
        for _ in range(k):
            d = draw_durations(model.o, model.m, model.p, model.dur, variable, 1, rng)
            win = blackout.windows(d)[0].tolist()
            _python_forward(order, preds, d[0].tolist(), rel, ready_bundle, win, allowed, nxt)

    base = _best(lambda: loop(loop_samples), repeat=1) * samples / loop_samples
    mine = _best(lambda: simulate(model, cal, blackout, release, samples=samples, seed=0), repeat=3)
    return [{
        "name": f"Monte Carlo, {samples:,} samples × {model.n} tasks (22 workloads)",
        "value_s": mine,
        "baseline_name": f"per-sample Python loop (timed on {loop_samples:,} samples, scaled ×{samples / loop_samples:g})",
        "baseline_s": base, "ratio": mine / base, "target": 0.1,
    }]


def _replan_row() -> dict:
    with tempfile.TemporaryDirectory() as folder:
        plan = _city_plan(folder)
        compute_schedule(plan, AS_OF)  # warm: holiday tables are computed once per process
        value = _best(lambda: compute_schedule(plan, AS_OF), repeat=7)
        plan.close()
    return {
        "name": "Re-plan of the 20 workloads (read plan, graph, capacity, blackout, CPM, status)",
        "value_s": value, "baseline_name": "absolute target 0.2 s", "baseline_s": 0.2,
        "ratio": value / 0.2, "target": 1.0,
    }


def run(n: int = 10_000, samples: int = 10_000, loop_samples: int = 1_000) -> list[dict]:
    return _cpm_rows(n) + _mc_rows(samples, loop_samples) + [_replan_row()]


if __name__ == "__main__":
    for row in run():
        print(f"{row['name']}: {row['value_s'] * 1e3:.1f} ms vs {row['baseline_name']} "
              f"{row['baseline_s'] * 1e3:.1f} ms → ratio {row['ratio']:.3f} (target {row['target']})")
