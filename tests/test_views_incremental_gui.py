"""The other views and an edit (issue 7 at 100k systems): a hidden view does not recompute, the
board redraws the edited systems only.

A view whose tab is not in front marks itself stale on a change of the plan and catches up once
when shown (ui/lazy.py). The placement board, in front, re-classifies just the systems an edit (its
undo, its redo) names and moves their cards; its lanes, headers, summary and selection are then
checked against a full reload of the same plan. An import (no edited IDs) still reloads fully.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import QItemSelectionModel, QSettings, Qt  # noqa: E402

from plan_rows import write_sample_plan  # noqa: E402
from test_system_edit_gui import cell  # noqa: E402  (a system's cell in the window's table)

pytestmark = pytest.mark.gui
EDIT = Qt.ItemDataRole.EditRole


@pytest.fixture
def window(qtbot, tmp_path):
    from ui.main_window import MainWindow

    path = write_sample_plan(tmp_path / "plan.mplan", hooks=True)
    w = MainWindow(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(w)
    w.resize(1300, 800)
    w.show()
    assert w.open_plan(str(path))
    yield w
    w.close()


def open_tab(window, cls_name: str):
    """Bring the feature tab ``cls_name`` to the front (creating its view) and return the view."""
    view = window.feature_widget(cls_name)
    window.tabs.setCurrentWidget(view.parentWidget())
    assert view.isVisible()
    return view


def back_to_table(window) -> None:
    window.tabs.setCurrentIndex(0)
    assert window.table.isVisible()


def lane_ids(board, dest: str) -> list[str]:
    return [c.system_id for c in board.lane_model(dest).items()]


def snapshot(board) -> dict:
    """What the board shows: each lane's cards (in order) and header, the summary."""
    return {"lanes": {d: lane_ids(board, d) for d in board.lanes},
            "titles": {d: lane.title.text() for d, lane in board.lanes.items()},
            "summary": board.summary.text()}


def check_against_reload(board) -> None:
    """The board as updated shows what a full reload of the plan shows."""
    shown = snapshot(board)
    board.reload()
    assert snapshot(board) == shown


def selected(board) -> dict[str, list[str]]:
    return {d: lane.selected_ids() for d, lane in board.lanes.items() if lane.selected_ids()}


def select(board, dest: str, system_id: str) -> None:
    lane = board.lanes[dest]
    index = lane.model.index(lane.model.row_of(system_id))
    lane.view.selectionModel().select(index, QItemSelectionModel.SelectionFlag.Select)


# ---------------------------------------------------------------- hidden: no recomputing
def test_a_hidden_board_does_not_classify_on_an_edit_and_shows_it_when_shown(window, classify_calls):
    board = open_tab(window, "PlacementBoard")
    back_to_table(window)
    assert not board.isVisible()
    classify_calls.clear()

    assert window.table.model.setData(cell(window, "OSK-016", "saas_fit"), "不適合", EDIT)
    assert classify_calls == [] and board.stale
    assert "OSK-016" in lane_ids(board, "saas")  # not redrawn while hidden
    window.context.undo_stack.undo()
    window.context.undo_stack.redo()
    assert classify_calls == []

    window.tabs.setCurrentWidget(board.parentWidget())
    assert classify_calls == [["OSK-016"]]  # once, and the edited system alone
    assert not board.stale
    assert "OSK-016" in lane_ids(board, "common_cloud") and "OSK-016" not in lane_ids(board, "saas")
    check_against_reload(board)


def test_a_hidden_board_catches_up_on_an_import_with_one_full_reload(window, classify_calls):
    board = open_tab(window, "PlacementBoard")
    back_to_table(window)
    classify_calls.clear()
    assert window.table.model.setData(cell(window, "OSK-016", "saas_fit"), "不適合", EDIT)
    window.context.notify("systems")  # what an import emits: any system may have changed
    window.context.notify("placement")
    assert classify_calls == []
    window.tabs.setCurrentWidget(board.parentWidget())
    assert classify_calls == [None]  # one full reload covers the edit too
    assert "OSK-016" in lane_ids(board, "common_cloud")


def test_hidden_chart_schedule_and_subsidy_wait_for_being_shown(window, monkeypatch):
    import ui.placement_chart as chart_module

    views = {name: open_tab(window, name) for name in ("PlacementChart", "ScheduleView", "SubsidyView")}
    back_to_table(window)
    views["SubsidyView"].wait_for_schedule()
    chart_calls, reloads = [], {"ScheduleView": [], "SubsidyView": []}
    real = chart_module.classify
    monkeypatch.setattr(chart_module, "classify", lambda plan: chart_calls.append(1) or real(plan))
    for name, calls in reloads.items():
        view = views[name]
        monkeypatch.setattr(view, "reload", lambda v=view, c=calls, r=type(view).reload: c.append(1) or r(v))

    sid = "OSK-016"
    cost = views["SubsidyView"].base.by_id[sid].annual_yen
    assert window.table.model.setData(cell(window, sid, "annual_cost"), "12,345千円", EDIT)
    window.context.undo_stack.undo()
    window.context.undo_stack.redo()
    window.context.notify("schedule")
    assert chart_calls == [] and reloads == {"ScheduleView": [], "SubsidyView": []}
    assert all(v.isHidden() or not v.isVisible() for v in views.values())

    window.tabs.setCurrentWidget(views["PlacementChart"].parentWidget())
    assert chart_calls == [1] and not views["PlacementChart"]._dirty
    window.tabs.setCurrentWidget(views["SubsidyView"].parentWidget())
    assert reloads["SubsidyView"] == [1]
    assert views["SubsidyView"].base.by_id[sid].annual_yen == 12_345_000 != cost
    window.tabs.setCurrentWidget(views["ScheduleView"].parentWidget())
    assert reloads["ScheduleView"] == [1]
    # Shown, they follow at once again.
    window.context.undo_stack.undo()
    assert reloads["ScheduleView"] == [1, 1] and reloads["SubsidyView"] == [1] and chart_calls == [1]
    views["SubsidyView"].wait_for_schedule()


# ---------------------------------------------------------------- visible: the edited systems only
def test_a_visible_board_reclassifies_only_the_edited_system_and_moves_its_card(window, classify_calls):
    board = open_tab(window, "PlacementBoard")
    model, stack = window.table.model, window.context.undo_stack
    select(board, "saas", "OSK-016")
    select(board, "saas", "OSK-017")
    select(board, "gov_cloud", "OSK-001")
    classify_calls.clear()

    assert model.setData(cell(window, "OSK-016", "saas_fit"), "不適合", EDIT)  # SaaS → 共通クラウド
    assert classify_calls == [["OSK-016"]]
    assert "OSK-016" in lane_ids(board, "common_cloud") and "OSK-016" not in lane_ids(board, "saas")
    assert board.item("OSK-016").destination == "common_cloud"
    assert "17システム" in board.lanes["common_cloud"].title.text()  # 16 + OSK-016
    assert "22システム" in board.lanes["saas"].title.text()  # 23 − OSK-016
    # The moved card stays selected in its new lane; the others are as they were.
    assert selected(board) == {"gov_cloud": ["OSK-001"], "saas": ["OSK-017"], "common_cloud": ["OSK-016"]}
    shown = snapshot(board)

    stack.undo()
    assert classify_calls == [["OSK-016"]] * 2
    assert lane_ids(board, "saas")[:2] == ["OSK-016", "OSK-017"]  # back in inventory order
    stack.redo()
    assert classify_calls == [["OSK-016"]] * 3
    assert snapshot(board) == shown
    check_against_reload(board)


def test_a_visible_board_updates_a_card_in_place_and_the_lane_totals(window, classify_calls):
    board = open_tab(window, "PlacementBoard")
    lane = board.lanes["gov_cloud"]
    row = lane.model.row_of("OSK-001")
    changed = []
    lane.model.dataChanged.connect(lambda a, b: changed.append((a.row(), b.row())))
    resets = []
    lane.model.modelReset.connect(lambda: resets.append(1))
    classify_calls.clear()

    assert window.table.model.setData(cell(window, "OSK-001", "servers"), "1000台", EDIT)
    assert classify_calls == [["OSK-001"]]
    assert changed == [(row, row)] and resets == []
    assert board.item("OSK-001").servers == 1000
    assert lane.model.item(row).servers == 1000
    servers = sum(c.servers for c in lane.model.items())
    assert f"サーバ {servers:,}台" in lane.title.text()
    window.context.undo_stack.undo()
    assert lane.model.item(row).servers == 24
    check_against_reload(board)


def test_the_group_filters_and_review_count_follow_an_edit(window, classify_calls):
    board = open_tab(window, "PlacementBoard")
    board.move_system("OSK-018", "saas", "文書管理SaaSを採用")  # an override: a full reload
    board.group_boxes["budget_request"].setChecked(True)
    assert "OSK-018" not in lane_ids(board, "saas")  # no budget request: filtered out
    classify_calls.clear()
    model = window.table.model

    assert model.setData(cell(window, "OSK-018", "budget_request"), "○", EDIT)  # joins the filter
    assert "OSK-018" in lane_ids(board, "saas")
    check_against_reload(board)
    classify_calls.clear()
    assert model.setData(cell(window, "OSK-018", "cloud_blocker"), "特殊機器", EDIT)  # input changed: review
    assert classify_calls == [["OSK-018"]]
    assert board.item("OSK-018").needs_review and "要確認 1件" in board.summary.text()
    assert "OSK-018" in lane_ids(board, "saas")  # the override holds
    check_against_reload(board)
    assert model.setData(cell(window, "OSK-016", "budget_request"), "", EDIT)  # leaves the filter
    assert "OSK-016" not in lane_ids(board, "saas")
    check_against_reload(board)
    stack = window.context.undo_stack
    for _ in range(3):
        stack.undo()
    assert "要確認" not in board.summary.text() and "OSK-018" not in lane_ids(board, "saas")
    check_against_reload(board)


def test_an_import_or_an_unknown_system_still_reloads_the_whole_board(window, classify_calls):
    board = open_tab(window, "PlacementBoard")
    classify_calls.clear()
    window.context.notify("systems")  # what an import emits
    assert classify_calls == [None]
    window.context.notify_systems_edited(["OSK-999"])  # a system the plan does not hold
    assert classify_calls == [None, ["OSK-999"], None]
    assert sum(board.lane_model(d).rowCount() for d in board.lanes) == 60


@pytest.mark.slow
def test_the_board_edit_benchmark_runs_and_checks_what_it_times():
    from benchmarks import bench_edit_board

    rows = bench_edit_board.run(n=300, repeats=2)
    assert [r.get("error") for r in rows] == [None] * 4, rows
    assert all(r["value_s"] > 0 and r["baseline_s"] == 0.2 for r in rows)
    assert [r["target"] for r in rows] == [1.0, 1.0, None, 1.0]
