"""Editing one system in a 100k-system plan: one cell edit → table and detail updated (issue 7).

What is timed is what a planner waits for after typing a value into a cell of the inventory table
and pressing Enter: from the model's ``setData`` (what the cell's delegate calls) to the window
having drawn the result (``processEvents``): the edit checked and written to the plan as an undo
command (one SQLite transaction, ``synchronous=FULL``, audited), the edited row re-read, its
placement recomputed, the row replaced in the table (which is sorted by the edited column, so the
row moves) and the detail panel showing the new value. Undo (Ctrl+Z) and redo (Ctrl+Y) are timed
the same way. Each edit is a real change (the server count goes 1001, 1002, …) and is checked to
have reached the table's cell and the detail panel.

Baseline: the absolute target of 0.2 s ("well under a second"), as bench_subsidy states its
100 ms. For scale, an information row holds the same edit against a plain ``plan.records()`` read
of the same plan in the same process (what the window used to do, with placement and the table
reset on top, after every edit). The window runs in a child process (offscreen, with its own
settings and working-copy folder); each figure is the median of ``repeats`` edits. ::

    python -m benchmarks.bench_edit [N]
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

ROOT = Path(__file__).resolve().parents[1]
TARGET_S = 0.2
QUICK_KWARGS = {"n": 2_000, "repeats": 5}


def _label(n: int) -> str:
    return f"{n // 1000}k" if n >= 1000 and n % 1000 == 0 else str(n)


def _child(n: int, repeats: int) -> list[dict]:
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtWidgets import QApplication

    from benchmarks.bench_memory import make_plan

    app = QApplication.instance() or QApplication([sys.argv[0]])
    from ui.main_window import MainWindow

    k = _label(n)
    with tempfile.TemporaryDirectory(prefix="mp-bench-edit-") as folder:
        path = make_plan(os.path.join(folder, "big.mplan"), n, seed=3)
        window = MainWindow(QSettings(os.path.join(folder, "settings.ini"), QSettings.Format.IniFormat))
        window.resize(1400, 900)
        window.show()
        app.processEvents()
        if not window.open_plan(path):
            raise RuntimeError("the plan did not open")
        app.processEvents()
        table, model = window.table, window.table.model
        col = next(c for c in range(model.columnCount()) if model.column_key(c) == "servers")
        table.view.sortByColumn(col, Qt.SortOrder.AscendingOrder)
        system_id = model.record(model.rowCount() // 2).system_id
        table.select_system(system_id, col)
        app.processEvents()

        def shown(servers: int) -> None:
            row = model.row_of(system_id)
            if model.data(model.index(row, col)) != str(servers):
                raise AssertionError("the table does not show the edit")
            if window.detail.record is None or window.detail.record.servers != servers:
                raise AssertionError("the detail panel does not show the edit")
            if table.current_system_id() != system_id:
                raise AssertionError("the selection left the edited system")

        def timed(action) -> float:
            t0 = time.perf_counter()
            action()
            app.processEvents()
            return time.perf_counter() - t0

        stack = window.context.undo_stack
        original = model.record(model.row_of(system_id)).servers
        edits, undos, redos = [], [], []
        for i in range(1, repeats + 1):
            value = 1000 + i
            edits.append(timed(lambda v=value: model.setData(model.index(model.row_of(system_id), col), v,
                                                             Qt.ItemDataRole.EditRole)))
            shown(value)
            undos.append(timed(stack.undo))
            shown(value - 1 if i > 1 else original)
            redos.append(timed(stack.redo))
            shown(value)
        read = []
        for _ in range(max(3, repeats // 3)):
            t0 = time.perf_counter()
            window.plan.records()
            read.append(time.perf_counter() - t0)
        base_read = min(read)
        window.context.undo_stack.clear()
        window.session.save()  # closing asks nothing
        window.close()
        app.processEvents()

    def row(name: str, times: list[float]) -> dict:
        value = statistics.median(times)
        return {"name": f"{name}, {k} systems (median of {len(times)}, slowest {max(times) * 1e3:.0f} ms)",
                "value_s": value, "baseline_name": "absolute target 0.2 s", "baseline_s": TARGET_S,
                "ratio": value / TARGET_S, "target": 1.0}

    edit = statistics.median(edits)
    return [
        row("one cell edit → table and detail updated (table sorted by the edited column)", edits),
        row("undo of one cell edit (Ctrl+Z) → table and detail updated", undos),
        row("redo of one cell edit (Ctrl+Y) → table and detail updated", redos),
        {"name": f"one cell edit, {k} systems, against a full read of the plan's records (info)", "value_s": edit,
         "baseline_name": "plain plan.records() of the same plan (best)", "baseline_s": base_read,
         "ratio": edit / base_read, "target": None},
    ]


def run(n: int = 100_000, repeats: int = 15) -> list[dict]:
    """The rows, measured in a child process with its own settings and working-copy folder."""
    with tempfile.TemporaryDirectory(prefix="mp-bench-edit-home-") as home:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_DATA_HOME=os.path.join(home, "data"),
                   XDG_CONFIG_HOME=os.path.join(home, "config"),
                   PYTHONPATH=os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p))
        proc = subprocess.run([sys.executable, "-m", "benchmarks.bench_edit", "--child", str(n), str(repeats)],
                              cwd=ROOT, env=env, capture_output=True, text=True, timeout=1800)
    lines = proc.stdout.strip().splitlines()
    if proc.returncode == 0 and lines:
        return json.loads(lines[-1])
    why = (proc.stderr.strip().splitlines() or [f"exit status {proc.returncode}"])[-1]
    return [{"name": "one cell edit → table and detail updated (failed)", "error": why[:300]}]


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    if sys.argv[1:2] == ["--child"]:
        print(json.dumps(_child(int(sys.argv[2]), int(sys.argv[3]))))
    else:
        from benchmarks.run_all import print_rows

        print_rows(run(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000), "bench_edit")
