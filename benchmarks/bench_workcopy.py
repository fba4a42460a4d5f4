"""The working copy's costs (issue 7 item 2), each against the plain operation it adds to.

- **save**: ``WorkingCopy.save`` of a plan with N systems (the working file's WAL folded in, the file
  copied to a temporary file while held against writers, switched to rollback-journal mode, fsync,
  the plan's WAL folded in and locked, rename, folder fsync) against a raw atomic file save of the
  same working file (``shutil.copyfile`` to a temporary file, fsync, ``os.replace``).
- **open**: ``WorkingCopy.open`` (the plan file copied while held against writers, switched to WAL
  mode, the sidecar written, the copy opened) against a raw private copy (``shutil.copyfile`` of the
  plan, then ``Plan.open`` of that copy). The copy's fsync runs on another thread after the open:
  the first edit waits for it, so it counts in **edit**, which starts right after the open.
- **edit**: 200 placement overrides, each with its description recorded (what the window does per
  edit: the sidecar marked dirty before the first commit, then one line of the edit log per edit),
  against the same overrides on the plan opened directly.

Each figure is the best of ``repeats`` runs, in this process, on the same files. ::

    python -m benchmarks.bench_workcopy [N]
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time

from benchmarks.generators import inventory_records

TARGETS = {"save": 2.0, "open": 2.0, "edit": 1.3}
QUICK_KWARGS = {"n": 10_000, "repeats": 2}
EDITS = 200


def _label(n: int) -> str:
    return f"{n // 1000}k" if n >= 1000 and n % 1000 == 0 else str(n)


def _raw_save(source: str, target: str) -> None:
    tmp = target + ".raw-tmp"
    shutil.copyfile(source, tmp)
    fd = os.open(tmp, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(tmp, target)


def _edits(plan, ids: list[str], record=None) -> None:
    from migration_planner.placement import set_override

    texts = []
    for i, system_id in enumerate(ids):
        command = set_override(plan, system_id, ("SaaS", "オンプレミス")[i % 2], "ベンチマーク")
        texts.append(command.text)
        if record is not None:
            record(texts, dirty=True)


def run(n: int = 100_000, repeats: int = 3) -> list[dict]:
    from migration_planner.store import Plan
    from migration_planner.workcopy import WorkingCopy

    records = inventory_records(n, seed=3)
    ids = [r.system_id for r in records[:EDITS]]
    k = _label(n)
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench_workcopy_") as folder:
        plan_path = os.path.join(folder, "計画.mplan")
        with Plan.open(plan_path) as plan:
            plan.apply_inventory(records)
        recovery = os.path.join(folder, "recovery")

        # open
        best_open = best_plain_open = float("inf")
        for _ in range(repeats):
            t0 = time.perf_counter()
            copy = WorkingCopy.open(plan_path, recovery)
            best_open = min(best_open, time.perf_counter() - t0)
            copy.discard()
            raw_copy = os.path.join(folder, "raw-open.mplan")
            t0 = time.perf_counter()
            shutil.copyfile(plan_path, raw_copy)
            Plan.open(raw_copy, create=False).close()
            best_plain_open = min(best_plain_open, time.perf_counter() - t0)
            os.remove(raw_copy)
        rows.append({"name": f"open a {k}-system plan through a working copy", "value_s": best_open,
                     "baseline_name": "copyfile + Plan.open of the copy", "baseline_s": best_plain_open,
                     "ratio": best_open / best_plain_open, "target": TARGETS["open"]})

        # save
        copy = WorkingCopy.open(plan_path, recovery)
        raw_target = os.path.join(folder, "raw.mplan")
        best_save = best_raw = float("inf")
        try:
            for i in range(repeats):
                copy.plan.set_meta("bench", str(i))
                t0 = time.perf_counter()
                copy.save()
                best_save = min(best_save, time.perf_counter() - t0)
                t0 = time.perf_counter()
                _raw_save(copy.work_path, raw_target)
                best_raw = min(best_raw, time.perf_counter() - t0)
        finally:
            copy.discard()
        rows.append({"name": f"save a {k}-system plan (atomic, crash-safe)", "value_s": best_save,
                     "baseline_name": "copyfile + fsync + os.replace", "baseline_s": best_raw,
                     "ratio": best_save / best_raw, "target": TARGETS["save"]})

        # edit
        best_edit = best_plain_edit = float("inf")
        for _ in range(repeats):
            fresh = os.path.join(folder, "edit.mplan")
            shutil.copyfile(plan_path, fresh)
            copy = WorkingCopy.open(fresh, recovery)
            try:
                t0 = time.perf_counter()
                _edits(copy.plan, ids, copy.record)
                best_edit = min(best_edit, time.perf_counter() - t0)
            finally:
                copy.discard()
            shutil.copyfile(plan_path, fresh)
            with Plan.open(fresh, create=False) as plain:
                t0 = time.perf_counter()
                _edits(plain, ids)
                best_plain_edit = min(best_plain_edit, time.perf_counter() - t0)
        rows.append({"name": f"{EDITS} overrides into the working copy ({k} systems)", "value_s": best_edit,
                     "baseline_name": "the same on the plan file", "baseline_s": best_plain_edit,
                     "ratio": best_edit / best_plain_edit, "target": TARGETS["edit"]})
    return rows


if __name__ == "__main__":
    for row in run(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000):
        print(f"{row['name']}: {row['value_s'] * 1000:.1f} ms vs {row['baseline_name']} "
              f"{row['baseline_s'] * 1000:.1f} ms = {row['ratio']:.2f}× (target ≤ {row['target']}×)")
