"""補助金試算 view: live inputs, scenario commands through the shared undo stack, models."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import time  # noqa: E402
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
    v.save_now()
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
    t = time.perf_counter()
    spin.setValue(25.0)                             # 25億円: no event loop turn needed
    elapsed = time.perf_counter() - t
    assert elapsed < 0.1, f"live update took {elapsed * 1000:.0f} ms"
    assert view.result.cap == 2_500_000_000
    assert view.result.shortfall == before - 640_000_000
    assert shown_shortfall(view) == format_yen(before - 640_000_000, "億円")
    assert view.sliders["cap"].value() == 250     # the binding's other direction
    # The scenario is saved once the planner pauses.
    qtbot.waitUntil(lambda: list_scenarios(view.context.plan)[0].params.cap == 2_500_000_000, timeout=5000)


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
    view.save_now()
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
