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

With the placement board opened (:func:`run_board`, reported by ``benchmarks/bench_edit_board.py``):
the same edit with the board's tab behind the table (a hidden view waits to be shown: ui/lazy.py),
with the board in front (it re-classifies the edited system alone and moves its card), and the
catching up when the board is brought to the front again, against the same 0.2 s.
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


class _Session:
    """A shown window on a generated ``n``-system plan, its table sorted by サーバ台数 with a system
    in the middle selected: what each figure edits (the server count of that system)."""

    def __init__(self, folder: str, n: int) -> None:
        from PySide6.QtCore import QSettings, Qt
        from PySide6.QtWidgets import QApplication

        from benchmarks.bench_memory import make_plan

        self.app = app = QApplication.instance() or QApplication([sys.argv[0]])
        from ui.main_window import MainWindow

        path = make_plan(os.path.join(folder, "big.mplan"), n, seed=3)
        self.window = window = MainWindow(QSettings(os.path.join(folder, "settings.ini"), QSettings.Format.IniFormat))
        window.resize(1400, 900)
        window.show()
        app.processEvents()
        if not window.open_plan(path):
            raise RuntimeError("the plan did not open")
        app.processEvents()
        self.table, self.model = table, model = window.table, window.table.model
        self.col = col = next(c for c in range(model.columnCount()) if model.column_key(c) == "servers")
        table.view.sortByColumn(col, Qt.SortOrder.AscendingOrder)
        self.system_id = model.record(model.rowCount() // 2).system_id
        table.select_system(self.system_id, col)
        app.processEvents()

    def edit(self, servers: int) -> None:
        """Type ``servers`` into the system's cell (what the cell's delegate does)."""
        from PySide6.QtCore import Qt

        model = self.model
        model.setData(model.index(model.row_of(self.system_id), self.col), servers, Qt.ItemDataRole.EditRole)

    def shown(self, servers: int) -> None:
        model, window = self.model, self.window
        row = model.row_of(self.system_id)
        if model.data(model.index(row, self.col)) != str(servers):
            raise AssertionError("the table does not show the edit")
        if window.detail.record is None or window.detail.record.servers != servers:
            raise AssertionError("the detail panel does not show the edit")
        if self.table.current_system_id() != self.system_id:
            raise AssertionError("the selection left the edited system")

    def timed(self, action) -> float:
        t0 = time.perf_counter()
        action()
        self.app.processEvents()
        return time.perf_counter() - t0

    def close(self) -> None:
        self.window.context.undo_stack.clear()
        self.window.session.save()  # closing asks nothing
        self.window.close()
        self.app.processEvents()


def _row(name: str, times: list[float], k: str, target: float | None = 1.0) -> dict:
    value = statistics.median(times)
    slowest = f", slowest {max(times) * 1e3:.0f} ms" if len(times) > 1 else ""
    return {"name": f"{name}, {k} systems (median of {len(times)}{slowest})",
            "value_s": value, "baseline_name": "absolute target 0.2 s", "baseline_s": TARGET_S,
            "ratio": value / TARGET_S, "target": target}


def _child(n: int, repeats: int) -> list[dict]:
    k = _label(n)
    with tempfile.TemporaryDirectory(prefix="mp-bench-edit-") as folder:
        bench = _Session(folder, n)
        window, model, system_id = bench.window, bench.model, bench.system_id
        shown, timed = bench.shown, bench.timed
        stack = window.context.undo_stack
        original = model.record(model.row_of(system_id)).servers
        edits, undos, redos = [], [], []
        for i in range(1, repeats + 1):
            value = 1000 + i
            edits.append(timed(lambda v=value: bench.edit(v)))
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
        bench.close()

    edit = statistics.median(edits)
    return [
        _row("one cell edit → table and detail updated (table sorted by the edited column)", edits, k),
        _row("undo of one cell edit (Ctrl+Z) → table and detail updated", undos, k),
        _row("redo of one cell edit (Ctrl+Y) → table and detail updated", redos, k),
        {"name": f"one cell edit, {k} systems, against a full read of the plan's records (info)", "value_s": edit,
         "baseline_name": "plain plan.records() of the same plan (best)", "baseline_s": base_read,
         "ratio": edit / base_read, "target": None},
    ]


def _board_child(n: int, repeats: int) -> list[dict]:
    k = _label(n)
    with tempfile.TemporaryDirectory(prefix="mp-bench-edit-board-") as folder:
        bench = _Session(folder, n)
        window, system_id = bench.window, bench.system_id
        board = window.feature_widget("PlacementBoard")
        holder = board.parentWidget()
        window.tabs.setCurrentWidget(holder)  # opened once (a full classification of the plan)
        bench.app.processEvents()

        def card(servers: int) -> None:
            item = board.item(system_id)
            model = board.lane_model(item.destination) if item is not None else None
            if model is None or model.item(model.row_of(system_id)).servers != servers:
                raise AssertionError("the board's card does not show the edit")

        window.tabs.setCurrentIndex(0)  # back to the table: the board's tab is behind it
        bench.app.processEvents()
        behind, in_front = [], []
        value = 2000
        for _ in range(repeats):
            value += 1
            behind.append(bench.timed(lambda v=value: bench.edit(v)))
            bench.shown(value)
        catch_up = bench.timed(lambda: window.tabs.setCurrentWidget(holder))
        card(value)
        for _ in range(repeats):
            value += 1
            in_front.append(bench.timed(lambda v=value: bench.edit(v)))
            card(value)
            bench.shown(value)

        # Every feature tab opened once (board, chart, schedule, subsidy), all behind the table.
        views = [window.feature_widget(name) for name in ("PlacementChart", "ScheduleView", "SubsidyView")]
        schedule, subsidy = views[1], views[2]

        def settle() -> None:  # the background re-plans that a view started: not part of the next figure
            for _ in range(2):
                schedule.runner.wait(600_000)
                subsidy.wait_for_schedule(600_000)
                bench.app.processEvents()

        for view in views:
            window.tabs.setCurrentWidget(view.parentWidget())
            bench.app.processEvents()
            settle()
        window.tabs.setCurrentIndex(0)
        bench.app.processEvents()
        every = []
        for _ in range(repeats):
            value += 1
            every.append(bench.timed(lambda v=value: bench.edit(v)))
            bench.shown(value)
            settle()
        bench.close()
    return [
        _row("one cell edit with the placement board opened, its tab behind → table and detail updated",
             behind, k),
        _row("one cell edit with the placement board in front → its card, table and detail updated", in_front, k),
        _row(f"bringing the board to the front after {repeats} edits made behind it (catching up)", [catch_up], k,
             target=None),
        _row("one cell edit with board, chart, schedule and subsidy tabs opened, all behind → table and detail "
             "updated", every, k),
    ]


def _in_child(mode: str, n: int, repeats: int) -> list[dict]:
    """``python -m benchmarks.bench_edit --child|--board-child N REPEATS`` in a child process with its
    own settings and working-copy folder; its rows (a failed row when it fails)."""
    with tempfile.TemporaryDirectory(prefix="mp-bench-edit-home-") as home:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_DATA_HOME=os.path.join(home, "data"),
                   XDG_CONFIG_HOME=os.path.join(home, "config"),
                   PYTHONPATH=os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p))
        proc = subprocess.run([sys.executable, "-m", "benchmarks.bench_edit", mode, str(n), str(repeats)],
                              cwd=ROOT, env=env, capture_output=True, text=True, timeout=1800)
    lines = proc.stdout.strip().splitlines()
    if proc.returncode == 0 and lines:
        return json.loads(lines[-1])
    why = (proc.stderr.strip().splitlines() or [f"exit status {proc.returncode}"])[-1]
    return [{"name": "one cell edit → table and detail updated (failed)", "error": why[:300]}]


def run(n: int = 100_000, repeats: int = 15) -> list[dict]:
    """The rows, measured in a child process with its own settings and working-copy folder."""
    return _in_child("--child", n, repeats)


def run_board(n: int = 100_000, repeats: int = 5) -> list[dict]:
    """The rows with the placement board opened (see the module's text), measured the same way."""
    return _in_child("--board-child", n, repeats)


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    if sys.argv[1:2] == ["--child"]:
        print(json.dumps(_child(int(sys.argv[2]), int(sys.argv[3]))))
    elif sys.argv[1:2] == ["--board-child"]:
        print(json.dumps(_board_child(int(sys.argv[2]), int(sys.argv[3]))))
    else:
        from benchmarks.run_all import print_rows

        print_rows(run(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000), "bench_edit")
