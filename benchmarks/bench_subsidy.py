"""補助金試算: one input change → the scenario stored and the figures shown again (issue 5: ≤ 100 ms).

What is timed is what a planner waits for when a spin box or slider of the SubsidyView moves
(``ui/subsidy_view.py``), from the spin box's ``setValue`` to its return: the change stored in the
plan as an undo command (one SQLite transaction, ``synchronous=FULL``; consecutive changes of one
input merge into one step), the scenario re-read, the cost model evaluated, and the ten figures
with their explanations, the by-year and by-workload tables, the share-weights table and the
related-systems list updated. The charts, the tornado and the comparison follow 120 ms after the
inputs settle (timed apart, for information).

The view runs in a child process (offscreen QApplication), shown, with the schedule's lateness
already computed (as after the first second of a session); a child that dies (a crash inside Qt
or its bindings) becomes a failed row saying why, instead of taking ``run_all`` down with it. Each change is a real change (the escalation
goes 0.5, 1.0, 1.5 … %); each figure is the median of ``repeats`` changes (a planner feels every
change, so the slowest is listed too), against the issue's absolute target of 100 ms (baseline
column = the target itself, as for the schedule's re-plan). Rows: the sample city (60 systems),
a generated plan of ``n`` systems, the undo of a change (Ctrl+Z), and the settled refresh. ::

    python -m benchmarks.bench_subsidy [N]
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.generators import inventory_records

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "sample_inventory.xlsx"
TARGET_S = 0.1
QUICK_KWARGS = {"n": 1_000, "repeats": 10}


def _app():
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication([sys.argv[0]])


def _open_view(plan):
    """A shown SubsidyView on ``plan`` with the schedule's lateness in."""
    from ui.context import PlanContext
    from ui.subsidy_view import SubsidyView

    app = _app()
    context = PlanContext()
    context.set_plan(plan)
    view = SubsidyView(context)
    view.resize(1400, 900)
    view.show()
    deadline = time.monotonic() + 120
    while view.schedule_late is None and time.monotonic() < deadline:
        view.wait_for_schedule(100)
        app.processEvents()
    if view.schedule_late is None:
        raise RuntimeError("the schedule's lateness did not arrive within 2 minutes")
    view.refresh_now()
    app.processEvents()
    return context, view


def _close(context, view) -> None:
    view.wait_for_schedule()
    view.close()
    view.deleteLater()
    context.undo_stack.clear()
    _app().processEvents()


def _row(name: str, times: list[float], target: float | None = 1.0) -> dict:
    value = statistics.median(times)
    return {
        "name": f"{name} (median of {len(times)}, slowest {max(times) * 1e3:.1f} ms)",
        "value_s": value, "baseline_name": "absolute target 0.1 s", "baseline_s": TARGET_S,
        "ratio": value / TARGET_S, "target": target,
    }


def _changes(view, repeats: int) -> list[float]:
    """Time ``repeats`` changes of the escalation spin box; check each reached the figures."""
    spin = view.spins["escalation_pct"]
    times = []
    for i in range(1, repeats + 1):
        value = 0.5 * i
        t0 = time.perf_counter()
        spin.setValue(value)
        times.append(time.perf_counter() - t0)
        if view.result.params.escalation_pct != value:
            raise AssertionError("the change did not reach the figures")
    return times


def _plan_rows(plan, label: str, repeats: int, *, undo: bool) -> list[dict]:
    import ui.subsidy_view as sv

    context, view = _open_view(plan)
    try:
        rows = [_row(f"subsidy input change → stored + figures shown, {label}", _changes(view, repeats))]
        if undo:
            # Separate undo steps: a clock that jumps past the merge window between changes.
            real_clock, fake = sv._clock, [0.0]

            def clock() -> float:
                fake[0] += sv.MERGE_WINDOW_S + 1
                return fake[0]

            sv._clock = clock
            try:
                _changes(view, repeats)
            finally:
                sv._clock = real_clock
            times = []
            for _ in range(repeats):
                t0 = time.perf_counter()
                context.undo_stack.undo()
                times.append(time.perf_counter() - t0)
            rows.append(_row(f"subsidy undo of one change (Ctrl+Z) → figures shown, {label}", times))
            settled = []
            for _ in range(max(3, repeats // 5)):
                t0 = time.perf_counter()
                view.refresh_now()
                settled.append(time.perf_counter() - t0)
            rows.append(_row(f"subsidy settled refresh (tornado, comparison, charts' data), {label}; info",
                             settled, target=None))
        return rows
    finally:
        _close(context, view)


def _bindings_drop_none() -> bool:
    """Whether the Qt bindings drop a reference to ``None`` on each call returning nothing (seen
    with PySide6 6.12.0 on Python 3.11, where ``None`` is not immortal): the process then dies
    after some thousands of calls with ``Fatal Python error: none_dealloc``."""
    from PySide6.QtWidgets import QLabel

    _app()
    label = QLabel()
    before = sys.getrefcount(None)
    for _ in range(100):
        label.setText("x")
    return sys.getrefcount(None) < before - 50


def _child(n: int, repeats: int) -> list[dict]:
    from migration_planner.inventory import read_inventory
    from migration_planner.store import Plan

    _app()
    rows: list[dict] = []
    with tempfile.TemporaryDirectory() as folder:
        plan = Plan.open(str(Path(folder) / "sample.mplan"))
        try:
            plan.apply_inventory(read_inventory(str(SAMPLE)).records)
            rows += _plan_rows(plan, "sample city (60 systems)", repeats, undo=True)
        finally:
            plan.close()
        plan = Plan.open(str(Path(folder) / "generated.mplan"))
        try:
            plan.apply_inventory(inventory_records(n, seed=1))
            label = f"{n // 1000}k systems" if n % 1000 == 0 else f"{n} systems"
            rows += _plan_rows(plan, f"generated plan ({label})", repeats, undo=False)
        finally:
            plan.close()
    return rows


def run(n: int = 10_000, repeats: int = 30) -> list[dict]:
    """The rows, measured in a child process (see the module docstring)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run([sys.executable, "-m", "benchmarks.bench_subsidy", "--child", str(n), str(repeats)],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=1800)
    lines = proc.stdout.strip().splitlines()
    if proc.returncode == 0 and lines:
        return json.loads(lines[-1])
    fatal = next((ln for ln in proc.stderr.splitlines() if "Fatal Python error" in ln), "")
    why = fatal or (proc.stderr.strip().splitlines() or [f"exit status {proc.returncode}"])[-1]
    if "BINDINGS_DROP_NONE" in proc.stderr:
        why += (" — the Qt bindings drop a reference to None on every call (PySide6 6.12.0 on Python 3.11);"
                " the program itself crashes the same way after enough clicks")
    return [{"name": "subsidy input change → stored + figures shown (failed)", "error": why[:300]}]


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    if sys.argv[1:2] == ["--child"]:
        if _bindings_drop_none():
            print("BINDINGS_DROP_NONE", file=sys.stderr, flush=True)
        print(json.dumps(_child(int(sys.argv[2]), int(sys.argv[3]))))
    else:
        from benchmarks.run_all import print_rows

        print_rows(run(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000), "bench_subsidy")
