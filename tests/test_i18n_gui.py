"""The core's text in the English interface: placement reasons, step statuses, subsidy labels and
explanations, undo steps — and the same Japanese as before without the English translation."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import re  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import Qt, QTranslator  # noqa: E402

from migration_planner.i18n import Joined, Msg  # noqa: E402
from migration_planner.inventory import read_inventory  # noqa: E402
from migration_planner.store import Plan  # noqa: E402
from test_translations import english  # noqa: E402, F401 — the English .qm installed (tests/ is on the path under pytest)

pytestmark = pytest.mark.gui
ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "sample_inventory.xlsx"


@pytest.fixture
def sample_plan(tmp_path):
    plan = Plan.open(str(tmp_path / "p.mplan"))
    plan.apply_inventory(read_inventory(str(SAMPLE)).records)
    try:
        yield plan
    finally:
        plan.close()


def _context(plan):
    from ui.context import PlanContext

    context = PlanContext()
    context.set_plan(plan)
    return context


def _samples():
    from migration_planner.placement import classify_records
    from migration_planner.schedule.steps import DONE
    from migration_planner.subsidy import PARAM_LABELS

    saas = next(c for c in classify_records(read_inventory(str(SAMPLE)).records) if c.system_id == "OSK-017")
    return saas.placement.reasons[1], DONE, PARAM_LABELS["cap"]


def test_core_text_reads_in_english_with_the_translation(english):
    from ui.i18n import app_name, tr_core, tr_join, yen

    reason, status, label = _samples()
    assert tr_core(reason) == ("Step 2: SaaS candidate “庶務事務クラウド(架空)” with SaaS fit “not assessed”, "
                               "so SaaS (note: SaaS fit not assessed)")
    assert tr_core(status) == "Done" and tr_core("未着手", "schedule") == "Not started"  # as read back from the plan
    assert tr_core(label) == "Subsidy cap (yen)"
    assert tr_core(Joined([Msg("schedule", "完了済み"), "X"], "・")) == "Done, X"
    assert tr_join(["A", Msg("schedule", "作業中")]) == "A, In progress"
    assert tr_core(ValueError(Msg("schedule", "すべての月を切替禁止にはできません。"))) == "Not every month can be a blackout month."
    assert tr_core(ValueError("plain")) == "plain" and tr_core(None) is None and tr_core(3) == 3
    assert yen(1_860_000_000) == "18.6 ×100M yen" and app_name() == "Migration Planner"


def test_core_text_is_the_same_japanese_without_it(qapp):
    from ui.i18n import app_name, tr_core, tr_join, yen

    reason, status, label = _samples()
    assert tr_core(reason) == reason == ("ステップ2：SaaS候補「庶務事務クラウド(架空)」があり、SaaS適合が「未検討」のため SaaS"
                                         "（注意：SaaS適合 未検討）")
    assert tr_core(status) == "完了済み" and tr_core(label) == "補助上限額（円）"
    assert tr_join(["A", Msg("schedule", "作業中")]) == "A、作業中"
    assert yen(1_860_000_000) == "18.6億円" and app_name() == "移行計画プランナー"


def test_a_translation_that_does_not_fit_falls_back_to_the_japanese(qapp, tmp_path):
    """A broken translation (a placeholder the arguments do not have) must not fail on screen."""
    from ui.i18n import tr_core

    class Broken(QTranslator):
        def translate(self, context, source, disambiguation=None, n=-1):
            return "Step {missing}" if source == "ステップ{step}：{reason}" else ""

    broken = Broken()
    qapp.installTranslator(broken)
    try:
        m = Msg("placement", "ステップ{step}：{reason}", step=1, reason="理由")
        assert tr_core(m) == "ステップ1：理由"
    finally:
        qapp.removeTranslator(broken)


def test_placement_trace_tooltip_and_undo_step_in_english(english, sample_plan, qtbot):
    from migration_planner.placement import OverrideCommand
    from ui.placement_board import CoreUndoCommand, PlacementBoard, placement_annotations, trace_section

    annotation = placement_annotations(sample_plan)["OSK-017"]
    title, body = trace_section(None, annotation)
    assert title == "Destination decision"
    assert "Step 1: no standardization workload and not resident-core, so this step does not apply" in body
    assert "Step 3: not evaluated (decided at step 2)" in body
    assert "⚠ SaaS fit not assessed" in body and "Prepare FY2025 (Reiwa 7) · migrate FY2026 (Reiwa 8)" in body
    context = _context(sample_plan)
    board = PlacementBoard(context)
    qtbot.addWidget(board)
    lane = board.lane_model("saas")
    tip = lane.data(lane.index(lane.row_of("OSK-017"), 0), Qt.ItemDataRole.ToolTipRole)
    assert "Step 2: SaaS candidate" in tip and "ステップ" not in tip
    cmd = OverrideCommand.set(sample_plan, "OSK-017", "on_premises", "専用端末のため")
    assert CoreUndoCommand(context, cmd).text() == "Change the destination of OSK-017 to On-premises"


def test_step_statuses_read_in_english_and_store_japanese(english, sample_plan, qtbot):
    from migration_planner.schedule import catalog
    from ui.schedule_steps import COL_STATUS, COL_STEP
    from ui.schedule_view import ScheduleView

    view = ScheduleView(_context(sample_plan))
    qtbot.addWidget(view)
    view.select("8")
    model = view.steps.model
    assert model.index(0, COL_STEP).data() == "1 ① Organization plan"
    assert model.index(0, COL_STATUS).data() == "Not started"
    assert model.index(0, COL_STATUS).data(Qt.ItemDataRole.EditRole) == "未着手"
    assert [view.steps.bulk_status.itemText(i) for i in range(4)] == ["Done", "In progress", "Not started", "Not applicable"]
    view.steps.bulk_status.setCurrentIndex(0)
    view.steps.select_steps([1, 2])
    assert view.steps.apply_to_selection()
    assert [s.status for s in catalog.progress(sample_plan)["8"][:2]] == ["完了済み", "完了済み"]
    assert model.index(1, COL_STATUS).data() == "Done"
    late = view.result.workload("7")
    row = next(r for r in range(view.table.model.rowCount()) if view.table.model.workload(r).code == "7")
    assert view.table.model.index(row, 8).data() == "Late"
    assert view.table.model.index(row, 9).data() == "No standard-compliant product in time"
    assert late.causes == ["標準準拠製品の提供が間に合わない"]       # the core's own text is unchanged
    view.set_blackout_months((4, 5, 6))
    assert view.context.undo_stack.undoText() == "Change blackout months: 4, 5, 6"
    view.set_blackout_months(range(1, 13))
    assert view.message.text() == "Not every month can be a blackout month."
    view.shutdown(wait=True)


def test_subsidy_labels_and_explanations_in_english(english, sample_plan, qtbot):
    from ui.subsidy_view import SubsidyView

    view = SubsidyView(_context(sample_plan))
    qtbot.addWidget(view)
    view.show()
    assert view.wait_for_schedule()
    qtbot.waitUntil(lambda: view.schedule_late is not None, timeout=30_000)
    names = {view.value_labels[k].parentWidget().layout().itemAtPosition(i, 0).widget().text()
             for i, k in enumerate(view.value_labels)}
    assert {"Subsidy cap", "Shortfall (city's share)", "Eligible costs"} <= names
    assert view.value_labels["cap"].text() == "18.6 ×100M yen"
    assert view.explain_labels["remaining_cap"].text() == "Cap 18.6 ×100M yen − committed 11.8 ×100M yen = 6.8 ×100M yen"
    assert view.explain_labels["shortfall"].text().startswith("Eligible ")
    combo = view.combos["share_rule"]
    assert [combo.itemText(i) for i in range(combo.count())] == ["Equal split", "Weighted"]
    assert re.fullmatch(r"FY R\d+", view.fy_model.index(0, 0).data())
    view.spins["escalation_pct"].setValue(10)
    assert view.context.undo_stack.undoText() == "Change scenario assumption (Migration cost escalation)"
    view.wait_for_schedule()
