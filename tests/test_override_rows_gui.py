"""A move on the placement board (an override), its undo and redo redraw that system alone: its
row in the table (destination, 手動設定, detail) and its card on the board, not every row and card
of the plan (issue 7 at 100,000 systems: a full reload of each took seconds)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from test_system_edit_gui import destination_text  # noqa: E402
from test_views_incremental_gui import lane_ids, open_tab  # noqa: E402

pytestmark = pytest.mark.gui


@pytest.fixture
def reloads(sample_window, monkeypatch):
    """How often the window reloads every row."""
    calls: list[int] = []
    real = sample_window.reload
    monkeypatch.setattr(sample_window, "reload", lambda: calls.append(1) or real())
    return calls


def test_a_move_on_the_board_its_undo_and_redo_redraw_that_system_alone(sample_window, reloads, classify_calls):
    w = sample_window
    board = open_tab(w, "PlacementBoard")
    assert "OSK-018" in lane_ids(board, "common_cloud")
    classify_calls.clear()

    assert board.move_system("OSK-018", "saas", "文書管理SaaSを採用")
    assert "OSK-018" in lane_ids(board, "saas") and "OSK-018" not in lane_ids(board, "common_cloud")
    assert destination_text(w, "OSK-018").startswith("SaaS")
    w.table.select_system("OSK-018")
    assert "文書管理SaaSを採用" in w.detail.toPlainText()  # the override's reason, in the detail panel

    w.context.undo_stack.undo()
    assert "OSK-018" in lane_ids(board, "common_cloud") and "OSK-018" not in lane_ids(board, "saas")
    assert destination_text(w, "OSK-018") == "大阪市共通クラウド"
    w.context.undo_stack.redo()
    assert "OSK-018" in lane_ids(board, "saas")
    assert destination_text(w, "OSK-018").startswith("SaaS")

    assert reloads == [], "the window reloaded every row for one system's override"
    assert classify_calls == [["OSK-018"]] * 3, classify_calls  # the board: that system, three times


def test_moving_several_cards_redraws_those_systems_and_a_plan_wide_change_still_reloads(sample_window, reloads,
                                                                                          classify_calls):
    w = sample_window
    board = open_tab(w, "PlacementBoard")
    classify_calls.clear()
    assert board.move_systems(["OSK-020", "OSK-021"], "saas", "財務系SaaSへ一括")
    assert {"OSK-020", "OSK-021"} <= set(lane_ids(board, "saas"))
    assert destination_text(w, "OSK-020").startswith("SaaS") and destination_text(w, "OSK-021").startswith("SaaS")
    assert reloads == [] and sorted(map(tuple, classify_calls)) == [("OSK-020",), ("OSK-021",)]

    w.context.notify("placement")  # no systems named: any placement may have moved
    assert reloads == [1] and classify_calls[-1] is None
