"""The placement board and chart: moving a card is an override with a reason, undo restores it."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import subprocess  # noqa: E402
import sys  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import QModelIndex, Qt  # noqa: E402

from migration_planner.inventory import read_inventory  # noqa: E402
from migration_planner.placement import overrides  # noqa: E402
from migration_planner.plan_ops import import_hooks  # noqa: E402
from migration_planner.store import Plan  # noqa: E402

pytestmark = pytest.mark.gui


@pytest.fixture
def context(qtbot, tmp_path, sample_path):
    from ui.context import PlanContext

    plan = Plan.open(str(tmp_path / "p.mplan"))
    plan.apply_inventory(read_inventory(str(sample_path)).records, hooks=import_hooks())
    ctx = PlanContext()
    ctx.set_plan(plan)
    yield ctx
    ctx.plan.close()


@pytest.fixture
def board(qtbot, context):
    from ui.placement_board import PlacementBoard

    w = PlacementBoard(context)
    qtbot.addWidget(w)
    w.resize(1200, 700)
    w.show()
    return w


def lane_ids(board, dest):
    return [c.system_id for c in board.lane_model(dest).items()]


def test_lanes_show_the_sample_with_counts_servers_and_cost(board):
    counts = {d: board.lane_model(d).rowCount() for d in ("gov_cloud", "saas", "common_cloud", "on_premises")}
    assert counts == {"gov_cloud": 15, "saas": 23, "common_cloud": 16, "on_premises": 6}
    header = board.lanes["gov_cloud"].title.text()
    servers = sum(c.servers for c in board.lane_model("gov_cloud").items())
    assert "ガバメントクラウド" in header and "15システム" in header and f"サーバ {servers:,}台" in header
    assert "百万円" in header
    caveated = [c for c in board.lane_model("saas").items() if c.caveat]
    assert caveated, "SaaS適合 未検討 cards carry the caveat"
    index = board.lane_model("saas").index(board.lane_model("saas").row_of(caveated[0].system_id))
    assert "未検討" in index.data(Qt.ItemDataRole.ToolTipRole)


def test_dropping_a_card_on_another_lane_asks_a_reason_overrides_and_undo_restores(qtbot, board, context, monkeypatch):
    asked = []
    monkeypatch.setattr(board, "ask_reason", lambda ids, dest: asked.append((ids, dest)) or "文書管理SaaSを採用")
    source = board.lane_model("common_cloud")
    row = source.row_of("OSK-018")
    mime = source.mimeData([source.index(row)])
    target = board.lane_model("saas")
    assert target.canDropMimeData(mime, Qt.DropAction.MoveAction, -1, -1, QModelIndex())
    target.dropMimeData(mime, Qt.DropAction.MoveAction, -1, -1, QModelIndex())
    qtbot.waitUntil(lambda: "OSK-018" in lane_ids(board, "saas"))

    assert asked == [(["OSK-018"], "saas")]
    assert "OSK-018" in lane_ids(board, "saas") and "OSK-018" not in lane_ids(board, "common_cloud")
    assert board.item("OSK-018").overridden
    assert overrides(context.plan)["OSK-018"].reason == "文書管理SaaSを採用"
    assert "手動設定 1件" in board.summary.text()

    context.undo_stack.undo()
    assert "OSK-018" in lane_ids(board, "common_cloud") and not board.item("OSK-018").overridden
    assert overrides(context.plan) == {}
    context.undo_stack.redo()
    assert "OSK-018" in lane_ids(board, "saas")
    assert [a.action for a in context.plan.audit("OSK-018")] == ["override", "undo_override", "override"]


def test_cancelled_reason_changes_nothing(board, context, monkeypatch):
    monkeypatch.setattr(board, "ask_reason", lambda ids, dest: None)
    assert not board.request_move(["OSK-033"], "common_cloud")
    assert "OSK-033" in lane_ids(board, "on_premises")
    assert context.undo_stack.count() == 0


def test_moving_back_to_the_automatic_lane_clears_the_override(board, context):
    assert board.move_system("OSK-033", "common_cloud", "閉域接続で解消")
    assert board.item("OSK-033").destination == "common_cloud"
    assert board.move_system("OSK-033", "on_premises", "閉域接続は見送り")
    assert not board.item("OSK-033").overridden and overrides(context.plan) == {}
    assert context.undo_stack.count() == 2
    context.undo_stack.undo()
    assert board.item("OSK-033").overridden


def test_moving_several_cards_is_one_undo_step(board, context):
    assert board.move_systems(["OSK-020", "OSK-021"], "saas", "財務系SaaSへ一括")
    assert {"OSK-020", "OSK-021"} <= set(lane_ids(board, "saas"))
    assert context.undo_stack.count() == 1
    context.undo_stack.undo()
    assert {"OSK-020", "OSK-021"} <= set(lane_ids(board, "common_cloud"))


def test_group_filter_shows_only_large_systems(board):
    board.group_boxes["large_scale"].setChecked(True)
    shown = [c for d in board.lanes for c in board.lane_model(d).items()]
    assert shown and all(c.scale == "大" for c in shown)
    assert "全60" in board.summary.text()


def test_reason_dialog_ok_is_disabled_while_blank(qtbot):
    from ui.placement_board import ReasonDialog

    dialog = ReasonDialog("OSK-018 を SaaS に変更します。")
    qtbot.addWidget(dialog)
    assert not dialog.ok_button.isEnabled()
    dialog.edit.setPlainText("   ")
    assert not dialog.ok_button.isEnabled()
    dialog.edit.setPlainText("SaaS化を優先")
    assert dialog.ok_button.isEnabled() and dialog.reason() == "SaaS化を優先"


def test_card_menu_offers_the_other_lanes_and_clearing(board):
    board.move_system("OSK-018", "saas", "試行")
    menu = board.card_menu(["OSK-018"])
    texts = [a.text() for a in menu.actions()]
    assert any("手動設定を解除" in t and "大阪市共通クラウド" in t for t in texts)
    moves = {a.text(): a.isEnabled() for a in menu.actions()[0].menu().actions()}
    assert moves["SaaS"] is False and moves["オンプレミス"] is True


def test_lane_models_pass_the_model_tester(board, qtmodeltester):
    for dest in board.lanes:
        qtmodeltester.check(board.lane_model(dest))


def test_board_reloads_when_systems_change(board, context):
    from migration_planner.placement import SystemEditCommand
    from ui.placement_board import CoreUndoCommand

    edit = SystemEditCommand.make(context.plan, "OSK-016", "saas_fit", "不適合")
    context.undo_stack.push(CoreUndoCommand(context, edit, "systems"))
    assert "OSK-016" in lane_ids(board, "common_cloud")
    context.undo_stack.undo()
    assert "OSK-016" in lane_ids(board, "saas")


def test_chart_draws_stacked_bars_when_shown(qtbot, context):
    from ui.placement_chart import PlacementChart, tier_counts, year_counts
    from migration_planner.placement import classify

    chart = PlacementChart(context)
    qtbot.addWidget(chart)
    assert chart.canvas is None  # nothing drawn (nor matplotlib needed) until shown
    chart.resize(900, 400)
    chart.show()
    qtbot.waitUntil(lambda: chart.canvas is not None)
    ax_tier, ax_year = chart.figure.axes
    items = classify(context.plan)
    heights = sum(p.get_height() for p in ax_tier.patches)
    assert heights == 60 and sum(sum(v) for v in tier_counts(items).values()) == 60
    labels, per_dest = year_counts(items)
    assert [t.get_text() for t in ax_year.get_xticklabels()] == labels
    assert sum(p.get_height() for p in ax_year.patches) == 60
    assert ax_tier.get_title() == "移行先別・系統別のシステム数"


def test_importing_the_views_does_not_import_matplotlib(repo_root):
    code = "import sys, ui.placement_board, ui.placement_chart; print('matplotlib' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=repo_root,
                         env=os.environ | {"QT_QPA_PLATFORM": "offscreen"}, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "False"


def test_table_columns_and_detail_sections_show_placement_trace_and_history(board, context):
    from ui.inventory_table import SystemTableModel, base_columns
    from ui.placement_board import audit_section, placement_annotations, placement_columns, trace_section

    board.move_system("OSK-018", "saas", "文書管理SaaSを採用")
    annotations = placement_annotations(context.plan)
    records = context.plan.records()
    model = SystemTableModel(base_columns(lambda s: s) + placement_columns(lambda s: s))
    model.set_records(records, annotations)
    col = {c.key: i for i, c in enumerate(model.columns())}
    row = model.row_of("OSK-018")
    assert model.index(row, col["destination"]).data() == "SaaS"
    assert model.index(row, col["placement_step"]).data() == "3"
    assert model.index(row, col["override"]).data() == "手動"
    title, body = trace_section(records[row], annotations["OSK-018"])
    assert title == "移行先の判定" and "自動判定は大阪市共通クラウド" in body and "ステップ3" in body
    title, body = audit_section(records[row], annotations["OSK-018"])
    assert "文書管理SaaSを採用" in body and "大阪市共通クラウド → SaaS" in body
