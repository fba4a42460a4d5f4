"""補助金試算 view: live inputs, scenario commands through the shared undo stack, models."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from migration_planner.inventory import read_inventory  # noqa: E402
from migration_planner.money import format_yen  # noqa: E402
from migration_planner.store import Plan  # noqa: E402
from migration_planner.subsidy import BASELINE_NAME, list_scenarios  # noqa: E402

pytestmark = pytest.mark.gui
SAMPLE = Path(__file__).resolve().parent.parent / "sample_inventory.xlsx"


@pytest.fixture
def view(qtbot, tmp_path):
    from ui.context import PlanContext
    from ui.subsidy_view import SubsidyView

    plan = Plan.open(str(tmp_path / "p.mplan"))
    plan.apply_inventory(read_inventory(str(SAMPLE)).records)
    context = PlanContext()
    context.set_plan(plan)
    v = SubsidyView(context)
    qtbot.addWidget(v)
    v.resize(1400, 900)
    v.show()
    # The schedule's lateness arrives from a worker thread; let it land before testing.
    assert v.wait_for_schedule()
    qtbot.waitUntil(lambda: v.schedule_late is not None, timeout=30_000)
    yield v
    v.wait_for_schedule()
    plan.close()


def shown_shortfall(v) -> str:
    return v.shortfall_label.text()


def test_baseline_is_created_and_shown(view):
    assert [i.name for i in view.scenario_model.items] == [BASELINE_NAME]
    assert view.result is not None
    assert shown_shortfall(view) == format_yen(view.result.shortfall, "億円")
    assert view.explain_labels["shortfall"].text().startswith("対象経費")
    assert not view.delete_button.isEnabled()      # the baseline cannot be deleted


def test_spin_box_updates_shortfall_live_and_moves_the_slider(view, qtbot):
    before = view.result.shortfall
    spin = view.spins["cap"]
    spin.setValue(25.0)                             # 25億円: no event loop turn needed (speed: bench_subsidy)
    assert view.result.cap == 2_500_000_000
    assert view.result.shortfall == before - 640_000_000
    assert shown_shortfall(view) == format_yen(before - 640_000_000, "億円")
    assert view.sliders["cap"].value() == 250     # the binding's other direction
    # The scenario is stored at once: nothing waits in the widget.
    assert list_scenarios(view.context.plan)[0].params.cap == 2_500_000_000


def test_slider_updates_spin_box_and_shortfall(view):
    view.combos["delay_source"].setCurrentIndex(view.combos["delay_source"].findData("manual"))
    before = view.result.shortfall
    view.sliders["delay_months"].setValue(12)
    assert view.spins["delay_months"].value() == 12
    assert view.result.extra_running_cost > 0
    assert view.result.shortfall > before
    assert shown_shortfall(view) == format_yen(view.result.shortfall, "億円")


def test_unit_selector(view):
    view.unit_combo.setCurrentIndex(view.unit_combo.findData("千円"))
    assert shown_shortfall(view) == format_yen(view.result.shortfall, "千円")
    assert shown_shortfall(view).endswith("千円") and "," in shown_shortfall(view)
    assert view.fy_model.data(view.fy_model.index(0, 1)).endswith("千円")


def test_input_change_is_one_undo_step(view, qtbot):
    view.spins["escalation_pct"].setValue(10)
    assert list_scenarios(view.context.plan)[0].params.escalation_pct == 10
    view.context.undo_stack.undo()
    assert list_scenarios(view.context.plan)[0].params.escalation_pct == 0
    assert view.spins["escalation_pct"].value() == 0       # the inputs follow the undo
    assert view.result.params.escalation_pct == 0


def test_duplicate_rename_delete_with_undo(view, qtbot):
    stack = view.context.undo_stack
    view.spins["running_multiplier"].setValue(5.7)
    info = view.duplicate_scenario("悲観ケース")
    assert info is not None and info.name == "悲観ケース"
    names = [i.name for i in view.scenario_model.items]
    assert names == [BASELINE_NAME, "悲観ケース"]
    assert view.scenario_id == info.id
    assert view.spins["running_multiplier"].value() == pytest.approx(5.7)   # copied assumptions
    assert view.delete_button.isEnabled()
    # label, 2 scenarios, 1 difference: the comparison follows once the inputs settle
    qtbot.waitUntil(lambda: view.comparison_model.columnCount() == 1 + 2 + 1, timeout=3000)

    stack.undo()                                                              # undo the duplicate
    assert [i.name for i in view.scenario_model.items] == [BASELINE_NAME]
    assert view.scenario_model.items[0].id == view.scenario_id
    stack.redo()
    assert [i.name for i in list_scenarios(view.context.plan)] == [BASELINE_NAME, "悲観ケース"]

    view._select_row(1)
    assert view.rename_scenario("悲観（5.7倍）")
    assert view.scenario_model.items[1].name == "悲観（5.7倍）"
    assert view.delete_scenario()
    assert len(view.scenario_model.items) == 1
    stack.undo()
    assert [i.name for i in view.scenario_model.items] == [BASELINE_NAME, "悲観（5.7倍）"]


def test_comparison_table_shows_differences(view):
    view.add_scenario("上限25億円")
    view.spins["cap"].setValue(25)
    view.refresh_now()
    m = view.comparison_model
    rows = {m.data(m.index(r, 0)): r for r in range(m.rowCount())}
    r = rows["補助上限額"]
    from PySide6.QtCore import Qt

    assert m.headerData(3, Qt.Orientation.Horizontal) == "差（上限25億円）"
    assert m.data(m.index(r, 3)) == "+6.4億円"


def test_charts_draw(view, qtbot):
    for i in range(3):
        view.tabs.setCurrentIndex(i)
        qtbot.wait(10)
    view.refresh_now()
    assert all(c.canvas is not None for c in view.charts.values())
    assert view.tornado_rows and view.tornado_rows[0].swing >= view.tornado_rows[-1].swing


def test_models_pass_the_model_tester(view, qtmodeltester):
    view.add_scenario("遅延")
    view.refresh_now()
    for model in (view.scenario_model, view.fy_model, view.workload_model, view.comparison_model):
        qtmodeltester.check(model)


# ---------------------------------------------------------------- every change stored at once, undoable
def stored(view):
    return next(i for i in list_scenarios(view.context.plan) if i.id == view.scenario_id).params


def test_undo_right_after_a_slider_change_brings_value_and_scenario_back(view):
    stack = view.context.undo_stack
    before = view.result.shortfall
    view.sliders["escalation_pct"].setValue(20)          # no pause, no event loop turn
    assert stored(view).escalation_pct == 20
    assert view.result.shortfall > before
    assert stack.count() == 1 and "上振れ率" in stack.undoText()
    stack.undo()                                          # Ctrl+Z at once
    assert stored(view).escalation_pct == 0
    assert view.spins["escalation_pct"].value() == 0 and view.sliders["escalation_pct"].value() == 0
    assert view.result.shortfall == before
    assert view.shortfall_label.text() == format_yen(before, "億円")
    stack.redo()
    assert stored(view).escalation_pct == 20
    assert view.spins["escalation_pct"].value() == 20 and view.result.params.escalation_pct == 20


def test_a_slider_drag_of_ten_steps_is_one_undo_step(view):
    stack = view.context.undo_stack
    slider = view.sliders["running_multiplier"]
    start = stored(view).running_multiplier
    slider.setSliderDown(True)
    for step in range(1, 11):
        slider.setValue(slider.value() + 1)
        assert stored(view).running_multiplier == pytest.approx(start + step / 10)   # each step stored
    slider.setSliderDown(False)
    assert stack.count() == 1
    stack.undo()
    assert stored(view).running_multiplier == pytest.approx(start)
    assert view.spins["running_multiplier"].value() == pytest.approx(start)
    stack.redo()
    assert stored(view).running_multiplier == pytest.approx(start + 1.0)
    # A drag that ends where it started leaves no step behind.
    slider.setSliderDown(True)
    slider.setValue(slider.value() + 3)
    slider.setValue(slider.value() - 3)
    slider.setSliderDown(False)
    assert stack.count() == 1 and stack.index() == 1


def test_changes_merge_only_for_the_same_input_close_in_time(view, monkeypatch):
    import ui.subsidy_view as sv

    now = [1000.0]
    monkeypatch.setattr(sv, "_clock", lambda: now[0])
    stack = view.context.undo_stack
    view.spins["delay_months"].setValue(3)
    now[0] += 0.3
    view.spins["delay_months"].setValue(6)                # typed on: the same step
    assert stack.count() == 1
    view.spins["escalation_pct"].setValue(5)              # another input: a new step
    assert stack.count() == 2
    now[0] += 0.2
    view.spins["delay_months"].setValue(9)                # back to the first input: a new step
    assert stack.count() == 3
    now[0] += sv.MERGE_WINDOW_S + 1
    view.spins["delay_months"].setValue(12)               # after a pause: a new step
    assert stack.count() == 4
    stack.undo()
    assert stored(view).delay_months == 9
    stack.undo()
    stack.undo()
    assert (stored(view).delay_months, stored(view).escalation_pct) == (6, 0)
    stack.undo()
    assert stored(view).delay_months == 0 and view.spins["delay_months"].value() == 0


def test_no_edit_waits_in_the_view(view):
    """Switching scenario or closing right after a change loses nothing (there is nothing pending)."""
    other = view.add_scenario("別案")
    view._select_row(0)
    view.spins["cap"].setValue(30)
    view._select_row(view.scenario_model.row_of(other.id))       # at once
    assert next(i for i in list_scenarios(view.context.plan) if i.is_baseline).params.cap == 3_000_000_000
    assert view.spins["cap"].value() == pytest.approx(18.6)       # 別案 has the defaults
    assert not hasattr(view, "save_now") and not hasattr(view, "_save_timer")


# ---------------------------------------------------------------- editors for the sharing and related work
def test_share_weights_are_edited_in_a_table_live_and_undoably(view):
    from PySide6.QtCore import Qt

    from ui.subsidy_editors import ShareWeightsModel

    m = view.share_model
    row = m.codes.index("7")
    weight = m.index(row, ShareWeightsModel.WEIGHT)
    assert not m.flags(weight) & Qt.ItemFlag.ItemIsEditable               # 均等割: no weights
    assert "重み付け" in m.data(weight, Qt.ItemDataRole.ToolTipRole)
    assert m.data(m.index(row, ShareWeightsModel.MIGRATION)) == "4.6億円"  # 税務事務システム 18.5億円 / 4
    assert "× 1/4" in m.data(m.index(row, ShareWeightsModel.EXPLANATION))

    view.combos["share_rule"].setCurrentIndex(view.combos["share_rule"].findData("weight"))
    assert stored(view).share_rule == "weight"
    assert "重みの比" in view.rule_notes["share_rule"].text()
    assert m.flags(weight) & Qt.ItemFlag.ItemIsEditable
    assert m.setData(weight, 2.0)
    assert stored(view).share_weights == {"7": 2.0}
    assert view.result.by_workload["7"].migration_cost == 740_000_000     # 18.5億円 × 2/5
    assert m.data(m.index(row, ShareWeightsModel.MIGRATION)) == "7.4億円"
    assert "× 2/5" in m.data(m.index(row, ShareWeightsModel.EXPLANATION))
    assert not m.setData(weight, -1)                                       # refused, nothing stored
    view.context.undo_stack.undo()
    assert stored(view).share_weights == {} and view.result.by_workload["7"].migration_cost == 462_500_000
    assert m.data(weight) == "1"


def test_related_systems_are_a_checkable_list_live_and_undoable(view):
    from PySide6.QtCore import Qt

    from ui.subsidy_editors import RelatedSystemsModel as R

    m = view.related_model
    ids = [m.data(m.index(r, R.SYSTEM_ID)) for r in range(m.rowCount())]
    assert "OSK-001" not in ids                         # a workload system is never related work
    row = ids.index("OSK-013")
    check = m.index(row, R.COUNTED)
    assert m.data(check, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert m.data(m.index(row, R.MIGRATION)).endswith("億円")
    assert m.data(m.index(row, R.LINKED))                                      # the workloads it links with
    assert "として数えます" in m.data(m.index(row, R.EXPLANATION))
    before = view.result.ineligible_cost
    cost = view.result.related[[x.system_id for x in view.result.related].index("OSK-013")].ineligible_cost
    assert m.data(m.index(row, R.INELIGIBLE)) == format_yen(cost, "億円")

    assert m.setData(check, Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    assert stored(view).related_excluded == ["OSK-013"]
    assert view.result.ineligible_cost == before - cost
    assert m.data(check, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert "除外" in m.data(m.index(row, R.EXPLANATION)) and "除外1" in view.related_summary.text()
    # An unlinked system is added by checking it.
    other = next(r for r in range(m.rowCount())
                 if m.data(m.index(r, R.COUNTED), Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
                 and r != row)
    other_id = m.data(m.index(other, R.SYSTEM_ID))
    assert m.setData(m.index(other, R.COUNTED), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert stored(view).related_systems == [other_id]
    assert other_id in {x.system_id for x in view.result.related}
    stack = view.context.undo_stack
    stack.undo()
    stack.undo()
    assert (stored(view).related_systems, stored(view).related_excluded) == ([], [])
    assert view.result.ineligible_cost == before
    # "計上しない": nothing counts and the boxes cannot be checked.
    view.combos["related_rule"].setCurrentIndex(view.combos["related_rule"].findData("none"))
    assert view.result.ineligible_cost == 0
    assert not m.flags(check) & Qt.ItemFlag.ItemIsEnabled
    assert "数えません" in view.rule_notes["related_rule"].text()


def test_related_list_filters_by_id_or_name(view):
    view.related_filter.setText("osk-013")
    assert view.related_proxy.rowCount() == 1
    view.related_filter.setText("")
    assert view.related_proxy.rowCount() == view.related_model.rowCount()


# ---------------------------------------------------------------- the parallel-running rule, explanations
def test_parallel_rule_is_explained_and_named_in_the_extra_running_lines(view):
    from PySide6.QtCore import Qt

    assert view.combos["parallel_rule"].currentData() == "old"          # the default (docstring step 5)
    assert "旧システム" in view.rule_notes["parallel_rule"].text()
    assert "旧システム" in view.combos["parallel_rule"].toolTip()
    combo = view.combos["parallel_rule"]
    for i in range(combo.count()):
        assert combo.itemData(i, Qt.ItemDataRole.ToolTipRole)
    view.combos["delay_source"].setCurrentIndex(view.combos["delay_source"].findData("manual"))
    view.spins["delay_months"].setValue(6)
    assert "旧システムの運用経費" in view.explain_labels["extra_running_cost"].text()
    w = view.workload_model
    expl = w.data(w.index(0, len(w.cols) - 1))
    assert "旧システムの運用経費" in expl and "6/12" in expl
    combo.setCurrentIndex(combo.findData("new"))
    assert "新環境" in view.rule_notes["parallel_rule"].text()
    assert "新環境の運用経費" in view.explain_labels["extra_running_cost"].text()
    assert "新環境の運用経費" in w.data(w.index(0, len(w.cols) - 1))


def test_every_figure_has_its_one_line_explanation(view):
    from PySide6.QtCore import Qt

    from migration_planner.subsidy import SubsidyResult

    for key in SubsidyResult.FIGURES:
        assert view.value_labels[key].text().endswith("億円"), key
        assert view.explain_labels[key].text(), key
    for model in (view.fy_model, view.workload_model):
        for r in range(model.rowCount()):
            assert model.data(model.index(r, 1), Qt.ItemDataRole.ToolTipRole)
    view.add_scenario("比較用")
    view.refresh_now()
    m = view.comparison_model
    for r in range(m.rowCount()):
        for c in range(m.columnCount()):
            assert m.data(m.index(r, c), Qt.ItemDataRole.ToolTipRole), (r, c)
    rows = {m.data(m.index(r, 0)): r for r in range(m.rowCount())}
    assert m.data(m.index(rows["遅れた月の並行運用で追加になる経費"], 1)).startswith("旧システム")


def test_editor_models_pass_the_model_tester(view, qtmodeltester):
    view.combos["share_rule"].setCurrentIndex(view.combos["share_rule"].findData("weight"))
    for model in (view.share_model, view.related_model, view.related_proxy):
        qtmodeltester.check(model)


def test_bench_subsidy_runs():
    from benchmarks import bench_subsidy

    rows = bench_subsidy.run(n=200, repeats=3)
    assert rows and all(r["value_s"] > 0 and r["baseline_s"] > 0 for r in rows)


CLOSE_WHILE_COMPUTING = """
import sys, tempfile, time
from pathlib import Path
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication, QMainWindow
from migration_planner.inventory import read_inventory
from migration_planner.store import Plan
from ui.context import PlanContext
import ui.subsidy_view as subsidy_view_module
from ui.subsidy_view import SubsidyView
# The schedule takes ~30 ms once holidays are cached: slow it down so the view is surely deleted
# while its worker still runs (what this test is about).
_late = subsidy_view_module.schedule_late_months
subsidy_view_module.schedule_late_months = lambda plan: (time.sleep(1.0), _late(plan))[1]
app = QApplication([])
plan = Plan.open(str(Path(tempfile.mkdtemp()) / "p.mplan"))
plan.apply_inventory(read_inventory(sys.argv[1]).records)
context = PlanContext()
context.set_plan(plan)
window = QMainWindow()
view = SubsidyView(context)
window.setCentralWidget(view)
window.show()
assert view._worker.isRunning()
window.close()
window.deleteLater()
QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)   # the view is gone, the thread runs
for _ in range(200):
    app.processEvents()
    time.sleep(0.02)
print("survived")
"""


def test_deleting_the_view_while_the_schedule_is_computed_does_not_abort(tmp_path):
    import subprocess
    import sys

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run([sys.executable, "-c", CLOSE_WHILE_COMPUTING, str(SAMPLE)], cwd=SAMPLE.parent,
                          env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0 and "survived" in proc.stdout, proc.stderr[-2000:]
    assert "Destroyed while thread" not in proc.stderr
