"""Importing a 100k-system inventory, against a raw python-calamine read of the same file (issue 2).

- Reading into typed rows (``read_inventory``) must take at most 1.3× the raw read.
- A full import with saving (read, open a new plan, ``apply_inventory`` as the command line does)
  at most 2.5×.

The baseline is the faster of python-calamine's two ways of getting every cell as Python objects,
``to_python()`` and ``iter_rows()`` materialised to a list (the stricter baseline; the row says
which one won). Baseline and ours run alternately in this process over the same file, each figure
the best (least disturbed) of ``repeats`` runs. The importer's answer is checked against the
generator's records before anything is timed. Peak memory of the full import is reported for
information: tracemalloc sees Python's heap (not the Rust reader's buffers), and the peak resident
size of a fresh process doing the import is set against one doing the raw read. ::

    python -m benchmarks.bench_inventory [N]
"""

from __future__ import annotations

import gc
import os
import sys
import tempfile
import time
import tracemalloc
import zipfile
from collections.abc import Callable

from benchmarks.generators import inventory_records, write_inventory

READ_TARGET = 1.3
IMPORT_TARGET = 2.5


def _label(n: int) -> str:
    return f"{n // 1000}k" if n >= 1000 and n % 1000 == 0 else str(n)


def raw_to_python(path: str) -> list:
    from python_calamine import CalamineWorkbook

    return CalamineWorkbook.from_path(path).get_sheet_by_index(0).to_python()


def raw_iter_rows(path: str) -> list:
    from python_calamine import CalamineWorkbook

    return list(CalamineWorkbook.from_path(path).get_sheet_by_index(0).iter_rows())


def read_typed(path: str):
    from migration_planner.inventory import read_inventory

    return read_inventory(path)


def _hooks() -> list:
    try:
        from migration_planner.plan_ops import import_hooks

        return import_hooks()
    except ImportError:  # a feature module not there yet: the import itself still runs
        return []


def full_import(path: str, plan_path: str) -> int:
    """What ``migration-planner import PATH --plan NEW`` does: read, open a new plan, save."""
    from migration_planner.inventory import read_inventory
    from migration_planner.store import Plan

    result = read_inventory(path)
    plan = Plan.open(plan_path, create=True)
    try:
        plan.apply_inventory(result.records, source=path, hooks=_hooks())
    finally:
        plan.close()
    return len(result.records)


_RSS_SCRIPT = """
import sys
path, what, plan = sys.argv[1:4]
if what == "raw":
    from benchmarks.bench_inventory import raw_to_python
    raw_to_python(path)
else:
    from benchmarks.bench_inventory import full_import
    full_import(path, plan)
# VmHWM, not getrusage's ru_maxrss: the latter starts at the parent's size after fork + exec.
with open("/proc/self/status") as fh:
    print(next(line.split()[1] for line in fh if line.startswith("VmHWM:")))  # KiB
"""


def peak_rss(path: str, what: str, plan_path: str) -> float | None:
    """Peak resident memory (bytes) of a fresh process doing ``what`` ("raw" or "import") on ``path``;
    None where the platform does not say."""
    import subprocess

    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in (repo, os.environ.get("PYTHONPATH", "")) if p))
    out = subprocess.run([sys.executable, "-c", _RSS_SCRIPT, path, what, plan_path], cwd=repo, env=env,
                         capture_output=True, text=True, timeout=600)
    if out.returncode != 0:  # e.g. no /proc (not Linux)
        return None
    return int(out.stdout.strip().splitlines()[-1]) * 1024


def _time(fn: Callable[[], object]) -> float:
    gc.collect()
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def _remove_plan(plan_path: str) -> None:
    for suffix in ("", "-wal", "-shm"):
        try:
            os.remove(plan_path + suffix)
        except FileNotFoundError:
            pass


def run(n: int = 100_000, repeats: int = 5, seed: int = 0) -> list[dict]:
    k = _label(n)
    with tempfile.TemporaryDirectory(prefix="mp-bench-inventory-") as tmp:
        path = write_inventory(os.path.join(tmp, f"inventory_{k}.xlsx"), n, seed)
        size = os.path.getsize(path)
        with zipfile.ZipFile(path) as zf:
            xml_size = sum(i.file_size for i in zf.infolist())

        # Same answer first: a fast wrong reader is no reader.
        expected = inventory_records(n, seed)
        got = read_typed(path).records
        assert got == expected, "read_inventory disagrees with the generator's records"
        del got

        plan_path = os.path.join(tmp, "bench.mplan")
        best = {"to_python": float("inf"), "iter_rows": float("inf"), "read": float("inf"), "import": float("inf")}
        for _ in range(repeats):
            best["to_python"] = min(best["to_python"], _time(lambda: raw_to_python(path)))
            best["iter_rows"] = min(best["iter_rows"], _time(lambda: raw_iter_rows(path)))
            best["read"] = min(best["read"], _time(lambda: read_typed(path)))
            _remove_plan(plan_path)
            best["import"] = min(best["import"], _time(lambda: full_import(path, plan_path)))
        _remove_plan(plan_path)

        # Peak memory of one full import (untimed: tracemalloc slows Python down).
        gc.collect()
        tracemalloc.start()
        try:
            full_import(path, plan_path)
            _current, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        _remove_plan(plan_path)
        rss_import = peak_rss(path, "import", plan_path)
        _remove_plan(plan_path)
        rss_raw = peak_rss(path, "raw", plan_path)

    method = min(("to_python", "iter_rows"), key=best.__getitem__)
    baseline = best[method]
    baseline_name = f"raw python-calamine read ({method}())"
    mb = 1024 * 1024
    rows = [
        {"name": f"reading a {k}-row inventory into typed rows", "value_s": best["read"],
         "baseline_name": baseline_name, "baseline_s": baseline, "ratio": best["read"] / baseline,
         "target": READ_TARGET},
        {"name": f"full import with saving ({k} systems, new plan)", "value_s": best["import"],
         "baseline_name": baseline_name, "baseline_s": baseline, "ratio": best["import"] / baseline,
         "target": IMPORT_TARGET},
        {"name": f"peak Python memory of the full import ({k}, tracemalloc; info)", "value": peak / mb,
         "unit": "MB", "baseline_name": f"file size ({xml_size / mb:.0f} MB of XML unpacked)",
         "baseline": size / mb, "ratio": peak / size, "target": None},
    ]
    if rss_import and rss_raw:
        rows.append({"name": f"peak RSS of a process doing the full import ({k}; info)", "value": rss_import / mb,
                     "unit": "MB", "baseline_name": "peak RSS of a process doing the raw calamine read",
                     "baseline": rss_raw / mb, "ratio": rss_import / rss_raw, "target": None})
    return rows


if __name__ == "__main__":
    from benchmarks.run_all import print_rows

    print_rows(run(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000))
