"""Memory of the window with a 100k-system plan open, filtered and sorted, against the raw data (issue 7, item 6).

Target: the window's memory at most 1.5× the raw data. Both sides run in fresh subprocesses, over
the same plan file (made from ``benchmarks.generators.inventory_records`` and saved as an import does):

- **raw data**: the plan's systems as plain Python tuples of their values, read with ``sqlite3``
  (``SELECT`` of every inventory column, the lists and extra attributes as their stored JSON text,
  ``fetchall()``): what holding the data costs with no program around it.
- **window**: ``MainWindow`` (offscreen) opens the plan (``open_plan``: records, placement, audit,
  table, detail names), then filters the table by text and sorts it by name, as a planner would.

Each side's memory is the increase over the same process just before loading: the modules the
load needs are imported and, for the window, a small plan was opened and closed first, so the
increase is what the data costs, not imports. The figure held against the target is Python's heap
as ``tracemalloc`` sees it once the work is done (``current``, after a garbage collection); the
peak during loading and the resident size (``/proc/self/statm``, which also counts Qt's C++ side and
memory the allocator keeps) are recorded for information. ::

    python -m benchmarks.bench_memory [N]
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile

from benchmarks.generators import inventory_records

TARGET = 1.5
NEEDLE = "要調査"  # in some notes: a filter that keeps a minority of the rows
MB = 1024 * 1024

_COMMON = r"""
import gc, json, os, sys, tracemalloc
PAGE = os.sysconf("SC_PAGE_SIZE")

def rss():
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * PAGE

def measure(load):
    gc.collect()
    rss0 = rss()
    tracemalloc.start()
    held = load()
    gc.collect()
    current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    out = {"current": current, "peak": peak, "rss": rss() - rss0}
    out.update(held if isinstance(held, dict) else {})
    print(json.dumps(out))
    sys.stdout.flush()
    os._exit(0)
"""

#: The raw data: every system as a tuple of its stored values.
RAW_SCRIPT = _COMMON + r"""
import sqlite3
plan = sys.argv[1]
COLUMNS = ("system_id, name, department, tier, servers, workloads_json, resident_core, saas_candidate, saas_fit, "
           "cloud_blocker, next_renewal_fy, annual_cost, migration_cost, budget_request, scale, links_json, vendor, "
           "notes, extra_json")
keep = []

def load():
    conn = sqlite3.connect(f"file:{plan}?mode=ro", uri=True)
    keep.append(conn.execute(f"SELECT {COLUMNS} FROM system ORDER BY position").fetchall())
    conn.close()
    return {"rows": len(keep[0])}

measure(load)
"""

#: The window: open, filter, sort; a small plan opened first so that imports are not counted.
GUI_SCRIPT = _COMMON + r"""
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication
app = QApplication([sys.argv[0]])
from ui.main_window import MainWindow
plan, small, ini, needle = sys.argv[1:5]
window = MainWindow(QSettings(ini, QSettings.Format.IniFormat))
window.show()
app.processEvents()

def open_filter_sort(path):
    assert window.open_plan(path), path
    app.processEvents()
    table = window.table
    table.filter_edit.setText(needle)
    table.apply_filter()
    name = next(c for c in range(table.model.columnCount()) if table.model.column_key(c) == "name")
    table.view.sortByColumn(name, Qt.SortOrder.AscendingOrder)
    app.processEvents()
    return {"rows": table.model.total_count(), "shown": table.model.rowCount()}

open_filter_sort(small)          # imports and first-use caches, not counted
measure(lambda: open_filter_sort(plan))
"""


def _label(n: int) -> str:
    return f"{n // 1000}k" if n >= 1000 and n % 1000 == 0 else str(n)


def make_plan(path: str, n: int, seed: int = 0) -> str:
    """An ``n``-system plan at ``path``, saved as an import saves it (with the import hooks)."""
    from migration_planner.plan_ops import import_hooks
    from migration_planner.store import Plan

    import migration_planner.placement  # noqa: F401 — registers the placement import hook

    plan = Plan.open(path)
    try:
        plan.apply_inventory(inventory_records(n, seed), source=f"generated {n} systems", hooks=import_hooks())
    finally:
        plan.close()
    return path


def measure(script: str, *args: str) -> dict:
    """Run ``script`` in a fresh interpreter (repository on the path) and return what it printed."""
    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in (repo, os.environ.get("PYTHONPATH", "")) if p),
               QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-c", script, *args], cwd=repo, env=env, capture_output=True, text=True,
                         timeout=1800)
    if out.returncode != 0 or not out.stdout.strip():
        raise RuntimeError(f"measurement failed ({out.returncode}): {out.stderr.strip()[-800:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def run(n: int = 100_000, seed: int = 0) -> list[dict]:
    k = _label(n)
    with tempfile.TemporaryDirectory(prefix="mp-bench-memory-") as tmp:
        plan = make_plan(os.path.join(tmp, "big.mplan"), n, seed)
        small = make_plan(os.path.join(tmp, "small.mplan"), 50, seed + 1)
        raw = measure(RAW_SCRIPT, plan)
        gui = measure(GUI_SCRIPT, plan, small, os.path.join(tmp, "settings.ini"), NEEDLE)
    assert raw["rows"] == gui["rows"] == n, (raw, gui)
    assert 0 < gui["shown"] < n, gui
    base_name = f"raw data: {k} systems as sqlite3 tuples"
    return [
        {"name": f"window memory, {k}-system plan opened, filtered ({gui['shown']:,} shown) and sorted "
                 f"(tracemalloc, after)", "value": gui["current"] / MB, "unit": "MB",
         "baseline_name": base_name, "baseline": raw["current"] / MB, "ratio": gui["current"] / raw["current"],
         "target": TARGET},
        {"name": f"window memory while opening the {k}-system plan (tracemalloc peak; info)", "value": gui["peak"] / MB,
         "unit": "MB", "baseline_name": base_name + " (peak)", "baseline": raw["peak"] / MB,
         "ratio": gui["peak"] / raw["peak"], "target": None},
        {"name": f"window resident size increase, {k}-system plan (statm RSS; info)", "value": gui["rss"] / MB,
         "unit": "MB", "baseline_name": "RSS increase of the raw read", "baseline": raw["rss"] / MB,
         "ratio": gui["rss"] / raw["rss"] if raw["rss"] > 0 else None, "target": None},
    ]


if __name__ == "__main__":
    from benchmarks.run_all import print_rows

    print_rows(run(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000))
