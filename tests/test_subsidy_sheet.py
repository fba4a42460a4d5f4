"""The exported 補助金試算 sheet follows each scenario's parallel-running rule (issue 5).

A late month costs the old system's running (「旧システム」, the default), the new environment's
(「新環境」, × the multiplier) or both; the sheet holds the rule in an input cell and its formulas
must give the core's figures to the yen under each, also after a colleague changes the cell.
Formulas are recomputed with the small evaluator of ``tests/test_export.py``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from migration_planner.export import ExportOptions, collect, export_data
from migration_planner.export.subsidy_sheet import PARALLEL_SHORT
from migration_planner.inventory import read_inventory
from migration_planner.store import Plan
from migration_planner.subsidy import AddScenario, CostBase, ScenarioParams, ensure_baseline, evaluate
from test_export import Evaluator, _cells  # the formula evaluator (tests/ is on the path under pytest)

SAMPLE = Path(__file__).resolve().parents[1] / "sample_inventory.xlsx"
RULES = {"旧システムで数える": "old", "新環境で数える": "new", "新旧両方で数える": "both"}


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    folder = tmp_path_factory.mktemp("sheet")
    plan = Plan.open(str(folder / "p.mplan"))
    try:
        plan.apply_inventory(read_inventory(str(SAMPLE)).records)
        ensure_baseline(plan)
        for name, rule in RULES.items():
            AddScenario(name, ScenarioParams(parallel_rule=rule, delay_source="manual", delay_months=14.5,
                                             slipping=["1", "8", "14"], running_multiplier=3.1)).apply(plan)
        data = collect(plan, as_of=dt.date(2025, 10, 1), samples=50, seed=1)
        result = export_data(data, ExportOptions(out=str(folder / "out.xlsx")))
    finally:
        plan.close()
    return data, result, openpyxl.load_workbook(result.workbook)["補助金試算"]


def test_each_rule_gives_the_cores_figures_to_the_yen(exported):
    data, result, ws = exported
    ev = Evaluator(_cells(ws))
    extras = {}
    for sd in data.scenarios:
        for key, ref in result.subsidy_cells[sd.name].items():
            assert round(ev.value(ref) * 1000) == getattr(sd.result, key), (sd.name, key)
        years = result.subsidy_years[sd.name]
        for y, fy in sd.result.by_fiscal_year.items():
            assert round(ev.value(years[y]["extra_running_cost"]) * 1000) == fy.extra_running_cost, (sd.name, y)
        extras[sd.name] = sd.result.extra_running_cost
    old, new, both = (extras[n] for n in RULES)
    assert 0 < old < new < both and abs(old + new - both) < 100   # k = 1, multiplier, 1 + multiplier (each rounded)
    rule_row = next(c.row for c in ws["A"] if c.value == "遅れた月の並行運用で追加になる経費")
    assert ws[f"B{rule_row}"].value == PARALLEL_SHORT["old"]       # the baseline: the default


def test_changing_the_rule_cell_moves_the_shortfall_as_the_core_says(exported):
    data, result, ws = exported
    cells = _cells(ws)
    name = "旧システムで数える"
    sd = next(s for s in data.scenarios if s.name == name)
    ref = result.subsidy_cells[name]["shortfall"]
    rule_row = next(c.row for c in ws["A"] if c.value == "遅れた月の並行運用で追加になる経費")
    cells[f"{ref[0]}{rule_row}"] = PARALLEL_SHORT["both"]
    got = round(Evaluator(cells).value(ref) * 1000)
    expected = evaluate(CostBase.from_records(data.records), sd.params.with_(parallel_rule="both"),
                        sd.schedule_late).shortfall
    assert got == expected != sd.result.shortfall
