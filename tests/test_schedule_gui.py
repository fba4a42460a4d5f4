"""The schedule view: the graph shows every workload, follows edits, and undo restores."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import datetime as dt  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import QDate, Qt  # noqa: E402

from migration_planner.inventory import read_inventory  # noqa: E402
from migration_planner.schedule import catalog  # noqa: E402
from migration_planner.store import Plan  # noqa: E402

pytestmark = pytest.mark.gui
ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def view(qtbot, tmp_path):
    from ui.context import PlanContext
    from ui.schedule_view import ScheduleView

    plan = Plan.open(str(tmp_path / "p.mplan"))
    plan.apply_inventory(read_inventory(str(ROOT / "sample_inventory.xlsx")).records)
    context = PlanContext()
    context.set_plan(plan)
    v = ScheduleView(context)
    qtbot.addWidget(v)
    v.show()
    qtbot.waitExposed(v)
    yield v
    from ui.workers import background_runs

    v.shutdown(wait=True)
    qtbot.waitUntil(lambda: v._full_job is None and background_runs() == 0, timeout=30_000)
    plan.close()


def _quick_probabilities(plan):
    from migration_planner.schedule import compute_schedule

    res = compute_schedule(plan, samples=300, seed=0)
    return [(w.code, w.p_on_time, w.p_extended, w.p50, w.p80) for w in res.workloads]


def _shown_probabilities(view):
    return [(w.code, w.p_on_time, w.p_extended, w.p50, w.p80) for w in view.result.workloads]


def test_graph_shows_every_workload_with_deadline_lines(view):
    assert len(view.graph.positions) == 22
    ax = view.graph.figure.axes[0]
    assert len(ax.collections[0].get_offsets()) == 22
    labels = [line.get_label() for line in ax.get_lines()]
    assert any("2026-03-31" in lbl for lbl in labels) and len(labels) == 3


def test_capacity_edit_moves_the_graph_and_undo_restores(view):
    before = dict(view.graph.positions)
    assert before["5"][0] > before["1"][0]  # 5 waits for 浪速's slot with N = 2
    started = time.perf_counter()
    view.set_capacity(3)
    assert time.perf_counter() - started < 2.0  # re-plan + redraw; the re-plan alone is ~15 ms
    assert catalog.vendor_capacity(view.context.plan) == 3
    assert view.graph.positions["5"][0] < before["5"][0]
    assert view.capacity.value() == 3
    view.context.undo_stack.undo()
    assert view.graph.positions == before and view.capacity.value() == 2
    view.context.undo_stack.redo()
    assert view.graph.positions["5"][0] < before["5"][0]


def test_duration_edit_moves_the_workload_and_undo_restores(view):
    before = view.graph.positions["14"][0]
    view.set_estimate("14", 29, (300, 400, 500))
    assert view.graph.positions["14"][0] > before
    assert view.result.workload("14").finish == view.graph.positions["14"][0]
    view.context.undo_stack.undo()
    assert view.graph.positions["14"][0] == before


def test_edge_cycle_is_refused_with_its_names_and_edges_undo(view):
    assert not view.edit_edge("8", "1", True)
    assert "1 住民基本台帳 → 8 個人住民税 → 1 住民基本台帳" in view.message.text()
    assert view.context.undo_stack.count() == 0
    assert view.edit_edge("14", "20-b", True)
    assert ("14", "20-b") in catalog.edges(view.context.plan)
    view.context.undo_stack.undo()
    assert ("14", "20-b") not in catalog.edges(view.context.plan)


def _edit_cell(qtbot, table, row: int, column: int, editor_type):
    """Open a cell's editor from the keyboard (F2) and return it."""
    ix = table.model.index(row, column)
    table.view.setFocus()
    table.view.setCurrentIndex(ix)
    qtbot.keyClick(table.view, Qt.Key_F2)
    editors = [w for w in table.view.viewport().findChildren(editor_type) if w.isVisible()]
    assert len(editors) == 1
    return editors[0]


def test_click_shows_the_plan_and_progress_edits_by_keyboard_replan_and_undo(view, qtbot):
    from PySide6.QtWidgets import QComboBox, QDateEdit

    from ui.schedule_steps import COL_AS_OF, COL_STATUS

    view.select("8")
    assert "8 個人住民税" in view.side_title.text()
    model = view.steps.model
    assert model.rowCount() == 40 and model.index(0, COL_STATUS).data() == "未着手"
    # Status: F2 opens a combo box with its list open; Home (完了済み) and Enter commit.
    combo = _edit_cell(qtbot, view.steps, 0, COL_STATUS, QComboBox)
    qtbot.waitUntil(lambda: combo.view().isVisible())
    qtbot.keyClick(combo.view(), Qt.Key_Home)
    qtbot.keyClick(combo.view(), Qt.Key_Return)
    assert view.result.workload("8").progress == pytest.approx(1 / 40)
    row = next(r for r in range(view.table.model.rowCount()) if view.table.model.workload(r).code == "8")
    assert view.table.model.index(row, 5).data() == "2.5%"
    assert model.index(0, COL_STATUS).data() == "完了済み"
    assert catalog.progress(view.context.plan)["8"][0].as_of == dt.date.today()
    # As-of date: F2 opens a date editor; the status stays.
    edit = _edit_cell(qtbot, view.steps, 0, COL_AS_OF, QDateEdit)
    edit.setDate(QDate(2026, 10, 1))
    qtbot.keyClick(edit, Qt.Key_Return)  # the delegate commits on the next turn of the event loop
    qtbot.waitUntil(lambda: catalog.progress(view.context.plan)["8"][0].as_of != dt.date.today())
    state = catalog.progress(view.context.plan)["8"][0]
    assert (state.status, state.as_of) == ("完了済み", dt.date(2026, 10, 1))
    assert model.index(0, COL_AS_OF).data() == "2026-10-01"
    view.context.undo_stack.undo()
    assert catalog.progress(view.context.plan)["8"][0].as_of == dt.date.today()
    view.context.undo_stack.undo()
    assert view.result.workload("8").progress == 0 and model.index(0, COL_STATUS).data() == "未着手"


def test_selected_steps_take_a_status_and_date_in_one_undo_step(view):
    view.select("14")
    view.steps.select_steps(range(1, 8))
    view.steps.bulk_status.setCurrentText("完了済み")
    view.steps.bulk_date.setDate(QDate(2026, 9, 30))
    before = view.context.undo_stack.count()
    view.steps.apply_button.click()
    assert view.context.undo_stack.count() == before + 1
    assert view.result.workload("14").progress == pytest.approx(7 / 40)
    states = catalog.progress(view.context.plan)["14"]
    assert {(s.status, s.as_of) for s in states[:7]} == {("完了済み", dt.date(2026, 9, 30))}
    assert states[7].status == "未着手"
    view.context.undo_stack.undo()
    assert view.result.workload("14").progress == 0


def test_blackout_months_edit_replans_and_undo_restores(view):
    assert view.blackout.months() == (4, 5)
    view.blackout.set_month(6, True)
    assert catalog.blackout_months(view.context.plan) == (4, 5, 6)
    assert view.result.blackout_months == (4, 5, 6)
    cuts = [t for t in view.result.tasks if t.step == 40]
    assert cuts and all(t.start.month not in (4, 5, 6) and t.finish.month not in (4, 5, 6) for t in cuts)
    view.context.undo_stack.undo()
    assert catalog.blackout_months(view.context.plan) == (4, 5)
    assert view.blackout.months() == (4, 5) and view.result.blackout_months == (4, 5)
    # Every month shut is refused in words, and the boxes show the months in force again.
    count = view.context.undo_stack.count()
    assert not view.set_blackout_months(range(1, 13))
    assert "すべての月" in view.message.text()
    assert view.context.undo_stack.count() == count and view.blackout.months() == (4, 5)


def test_cause_flags_edit_shows_in_the_causes_and_undo_restores(view):
    view.select("16")
    assert view.flags.isEnabled() and view.flags.flags() == ()
    assert not any("独自開発" in c for c in view.result.workload("16").causes)
    view.flags.set_flag(catalog.FLAG_CUSTOM_BUILT, True)
    assert catalog.workload_flags(view.context.plan)["16"] == [catalog.FLAG_CUSTOM_BUILT]
    assert any("独自開発" in c for c in view.result.workload("16").causes)
    view.context.undo_stack.undo()
    assert catalog.workload_flags(view.context.plan).get("16", []) == []
    assert view.flags.flags() == ()
    assert not any("独自開発" in c for c in view.result.workload("16").causes)


# ---------------------------------------------------------------- off the GUI thread
def test_monte_carlo_fills_probabilities_from_the_background(view, qtbot):
    qtbot.waitUntil(lambda: view.result.samples == 300, timeout=30_000)
    assert _shown_probabilities(view) == _quick_probabilities(view.context.plan)
    row = next(r for r in range(view.table.model.rowCount()) if view.table.model.workload(r).code == "5")
    assert view.table.model.index(row, 6).data().endswith("%")
    assert "300" in view.mc_label.text()


def test_latest_edit_wins(view, qtbot):
    assert view.runner.wait(30_000)
    qtbot.waitUntil(lambda: not view.runner.busy, timeout=30_000)
    applied = []
    view.sig_simulated.connect(applied.append)
    view.set_capacity(3)
    view.set_capacity(1)  # before the first run's result can come back
    qtbot.waitUntil(lambda: not view.runner.busy, timeout=30_000)
    qtbot.wait(50)  # let a stale run's late signal arrive, if one were delivered
    assert applied == [300]
    assert view.result.capacity == 1
    assert _shown_probabilities(view) == _quick_probabilities(view.context.plan)


def test_large_replan_runs_in_the_background_and_latest_wins(view, qtbot):
    assert view.runner.wait(30_000)
    qtbot.waitUntil(lambda: not view.runner.busy, timeout=30_000)
    view.INLINE_MAX_TASKS = 0  # as if the task graph were large
    before = view.graph.positions["5"][0]
    replans = []
    view.sig_replanned.connect(lambda: replans.append(view.result.capacity))
    view.set_capacity(4)
    view.set_capacity(3)
    assert view.runner.busy and view.result.capacity == 2  # nothing computed on the GUI thread
    qtbot.waitUntil(lambda: bool(replans), timeout=30_000)
    qtbot.wait(50)
    assert replans == [3] and view.graph.positions["5"][0] < before
    assert view.result.samples == 300 and not view.busy.isVisible()


def test_event_loop_turns_during_a_large_monte_carlo(view, qtbot):
    from PySide6.QtCore import QTimer

    ticks = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(1) if view._full_job is not None else None)
    timer.start()
    job = view.run_full_monte_carlo()
    assert job is not None and job.running
    qtbot.waitUntil(lambda: view._full_job is None, timeout=120_000)
    timer.stop()
    assert view.result.samples == 10_000 and "10,000" in view.mc_label.text()
    assert len(ticks) >= 10  # the GUI thread kept running timers while the job ran


def test_a_large_monte_carlo_can_be_cancelled(view, qtbot):
    qtbot.waitUntil(lambda: view.result.samples == 300, timeout=30_000)
    shown = _shown_probabilities(view)
    seen = []
    job = view.run_full_monte_carlo()

    def progress(fraction, _message):
        seen.append(fraction)
        if fraction > 0:
            job.cancel()

    job.worker.sig_progress.connect(progress)
    qtbot.waitUntil(lambda: view._full_job is None, timeout=120_000)
    assert seen and max(seen) < 1.0  # stopped before the end
    assert job.worker.state.cancelled
    assert view.result.samples == 300 and _shown_probabilities(view) == shown
    assert view.message.text() == "" and "300" in view.mc_label.text()


def test_gantt_has_both_phases(view):
    view.tabs.setCurrentWidget(view.gantt)
    assert ("1", "計画立案") in view.gantt.bars and ("1", "移行") in view.gantt.bars


def test_table_model(view, qtmodeltester):
    qtmodeltester.check(view.table.model)
    qtmodeltester.check(view.table.proxy)
    assert view.table.model.rowCount() == 22
