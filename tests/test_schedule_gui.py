"""The schedule view: the graph shows every workload, follows edits, and undo restores."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import time  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

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
    plan.close()


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


def test_click_shows_the_plan_and_progress_edit_replans(view, qtbot):
    view.select("8")
    assert "8 個人住民税" in view.side_title.text()
    assert view.steps.rowCount() == 40
    combo = view.steps.cellWidget(0, 1)
    combo.setCurrentText("完了済み")
    assert view.result.workload("8").progress == pytest.approx(1 / 40)
    row = next(r for r in range(view.table.model.rowCount()) if view.table.model.workload(r).code == "8")
    assert view.table.model.index(row, 5).data() == "2.5%"
    view.context.undo_stack.undo()
    assert view.result.workload("8").progress == 0


def test_gantt_has_both_phases(view):
    view.tabs.setCurrentWidget(view.gantt)
    assert ("1", "計画立案") in view.gantt.bars and ("1", "移行") in view.gantt.bars


def test_table_model(view, qtmodeltester):
    qtmodeltester.check(view.table.model)
    qtmodeltester.check(view.table.proxy)
    assert view.table.model.rowCount() == 22
