"""Export speed against openpyxl's write-only mode writing the same cells raw.

* **Data sheets of a 100k-system plan** (振り分け結果, 標準化スケジュール, 補助金試算, 依存関係, 説明):
  ours builds the tables from the plan's data, styles them (header fills, number formats, highlighted
  rows, print set-up) and saves; the baseline appends the very same cell values, already built, to
  a plain write-only workbook and saves. Target ≤ 1.2×.
* **The Gantt sheet for 10k tasks**: ours turns 10k task bars into the month grid with phase
  colours, deadline/extended/today lines and late rows, and saves; the baseline appends the same
  cell values (labels, dates and the phase symbols in the months) raw. Target ≤ 1.2×.

Both run in this process, alternating, and each figure is the best of ``repeats`` runs (the least
disturbed one). Ours pauses the cyclic garbage collector while it writes, as ``write_workbook``
does (``migration_planner.tasks.gc_paused``); the baseline is openpyxl used plainly, collector on. ``run()`` returns rows for ``benchmarks/run_all.py``::

    python benchmarks/bench_export.py [N]
"""

from __future__ import annotations

import datetime as dt
import os
import random
import sys
import tempfile
import time

from openpyxl import Workbook

from migration_planner.export.data import ExportData, ScenarioData
from migration_planner.export.excel import (
    Styles,
    write_about,
    write_gantt,
    write_subsidy,
    write_table,
)
from migration_planner.export.xlsx import PAPER_A3
from migration_planner.export.subsidy_sheet import build as subsidy_layout
from migration_planner.export.tables import (
    PHASES,
    GanttRow,
    edges_table,
    month_range,
    placement_table,
    schedule_table,
)
from migration_planner.placement import classify_records
from migration_planner.tasks import gc_paused
from migration_planner.workloads import DEFAULT_EDGES, WORKLOAD_CODES

TARGET = 1.2
#: ``run_all --quick``: a check that everything runs (10k systems, two repeats), not a result.
QUICK_KWARGS = {"n": 10_000, "repeats": 2}
AS_OF = dt.date(2026, 11, 21)


def _records(n: int):
    try:
        from benchmarks.generators import inventory_records
    except ImportError:  # run as a script from benchmarks/
        from generators import inventory_records
    return inventory_records(n, seed=7)


def _schedule(records):
    """The real schedule of the 22 workloads over the generated systems (no plan file needed)."""
    from migration_planner.schedule import solve
    from migration_planner.schedule.catalog import DEFAULT_CAPACITY, StepState, SystemRef, default_estimate
    from migration_planner.schedule.planner import ScheduleInputs
    from migration_planner.schedule.steps import N_STEPS

    systems = {c: [] for c in WORKLOAD_CODES}
    for r in records:
        for c in r.workloads:
            if c in systems and len(systems[c]) < 3:
                systems[c].append(SystemRef(r.system_id, r.name, r.vendor, r.notes, r.cloud_blocker))
    inp = ScheduleInputs(
        codes=list(WORKLOAD_CODES),
        estimates={c: [default_estimate(k) for k in range(1, N_STEPS + 1)] for c in WORKLOAD_CODES},
        progress={c: [StepState() for _ in range(N_STEPS)] for c in WORKLOAD_CODES},
        edges=list(DEFAULT_EDGES), systems=systems, capacity=DEFAULT_CAPACITY,
    )
    return solve(inp, AS_OF, samples=200, seed=0)


def make_data(n: int) -> ExportData:
    """An export's data for an ``n``-system plan, built in memory."""
    from migration_planner.schedule import late_months_by_workload
    from migration_planner.subsidy import CostBase, ScenarioParams, evaluate

    records = _records(n)
    schedule = _schedule(records)
    late = late_months_by_workload(schedule)
    base = CostBase.from_records(records)
    scenarios = []
    for name, params in (("ベースライン", ScenarioParams()), ("上振れ20%", ScenarioParams(escalation_pct=20, delay_months=6))):
        scenarios.append(ScenarioData(name, name == "ベースライン", params, evaluate(base, params, late, scenario=name), late))
    return ExportData(
        plan_name=f"ベンチマーク {n} システム", plan_path="(memory)", as_of=AS_OF,
        generated_at=dt.datetime(2026, 11, 21, 9, 0), version="bench", records=records,
        classified=classify_records(records), schedule=schedule, deadline=schedule.deadline,
        extended_deadline=schedule.extended_deadline, scenarios=scenarios, chart_scenario="ベースライン",
        edges=list(DEFAULT_EDGES),
    )


# ---------------------------------------------------------------- data sheets
def ours_data_sheets(data: ExportData, path: str) -> None:
    """What ``excel.write_workbook`` does for these sheets (tables built here, inside the timing)."""
    wb = Workbook(write_only=True)
    with gc_paused():
        styles = Styles(wb)
        write_table(wb, styles, placement_table(data), data, paper=PAPER_A3)
        write_table(wb, styles, schedule_table(data), data)
        write_subsidy(wb, styles, data)
        write_table(wb, styles, edges_table(data), data)
        write_about(wb, styles, data, [])
        wb.save(path)


def raw_data_cells(data: ExportData) -> list[tuple[str, list[list]]]:
    """The same cells the data sheets hold, as plain values, built before timing."""
    sheets = []
    for table in (placement_table(data), schedule_table(data)):
        sheets.append((table.sheet, [[table.title]] + [[n] for n in table.notes] + [table.headers] + table.rows))
    layout = subsidy_layout(data)
    sheets.append(("補助金試算", [[c.value if c is not None else None for c in row] for row in layout.rows]))
    table = edges_table(data)
    sheets.append((table.sheet, [[table.title]] + [[n] for n in table.notes] + [table.headers] + table.rows))
    return sheets


def raw_write(sheets: list[tuple[str, list[list]]], path: str) -> None:
    wb = Workbook(write_only=True)
    for name, rows in sheets:
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(row)
    wb.save(path)


# ---------------------------------------------------------------- the Gantt sheet
def gantt_task_rows(n_tasks: int, seed: int = 0) -> list[GanttRow]:
    """``n_tasks`` task bars over FY2023–FY2032, a third of them late."""
    rng = random.Random(seed)
    keys = ("planning", "migration", "cutover")
    rows = []
    for i in range(n_tasks):
        start = dt.date(2024, 4, 1) + dt.timedelta(days=rng.randrange(6 * 365))
        length = rng.randrange(20, 700) if i % 40 != 39 else rng.randrange(3, 10)
        finish = start + dt.timedelta(days=length)
        key = keys[2] if i % 40 == 39 else keys[0] if i % 40 < 27 else keys[1]
        rows.append(GanttRow("業務", f"W{i // 40:04d}:{i % 40 + 1}", f"手順{i % 40 + 1}（タスク{i}）",
                             "期限超過" if i % 3 == 0 else "期限内", start, finish, [(key, start, finish)], i % 3 == 0))
    return rows


def ours_gantt(data: ExportData, rows: list[GanttRow], path: str) -> None:
    wb = Workbook(write_only=True)
    with gc_paused():
        write_gantt(wb, Styles(wb), data, rows)
        wb.save(path)


def raw_gantt_cells(data: ExportData, rows: list[GanttRow]) -> list[list]:
    """The Gantt sheet's cell values (title, legend text, years, heads, labels, phase symbols)."""
    from migration_planner.export.excel import LABEL_COLUMNS, MARKERS
    from migration_planner.export.tables import PHASE_ORDER, fiscal_header

    first, last = month_range(rows, data.as_of, data.extended_deadline)
    n_months = (last - first + 1) * 12
    out: list[list] = [["移行スケジュール"]]
    legend: list = ["凡例"]
    for k in PHASE_ORDER:
        legend += [PHASES[k].symbol, PHASES[k].label]
    for _m, (_c, _s, text) in MARKERS.items():
        legend += ["│", text]
    out.append(legend)
    fy: list = [None] * len(LABEL_COLUMNS)
    for k in range(last - first + 1):
        fy += [fiscal_header(first + k)] + [None] * 11
    out.append(fy)
    out.append([h for h, _w in LABEL_COLUMNS] + [((j + 3) % 12) + 1 for j in range(n_months)])
    for r in rows:
        months: list = [None] * n_months
        for key, a, b in r.bars:
            j0 = max(0, (a.year - first) * 12 + a.month - 4)
            j1 = min(n_months - 1, (b.year - first) * 12 + b.month - 4)
            months[j0:j1 + 1] = [PHASES[key].symbol] * (j1 - j0 + 1)
        out.append([r.kind, r.key, r.name, r.info, r.start, r.finish] + months)
    return out


def raw_gantt(cells: list[list], path: str) -> None:
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("移行スケジュール")
    for row in cells:
        ws.append(row)
    wb.save(path)


# ---------------------------------------------------------------- running
def _best_pair(ours, raw, repeats: int) -> tuple[float, float]:
    """Best-of-``repeats`` for each, alternating so both see the same machine."""
    best_o = best_r = float("inf")
    for _ in range(repeats):
        t0 = time.perf_counter()
        raw()
        best_r = min(best_r, time.perf_counter() - t0)
        t0 = time.perf_counter()
        ours()
        best_o = min(best_o, time.perf_counter() - t0)
    return best_o, best_r


def run(n: int = 100_000, repeats: int = 3, n_tasks: int = 10_000) -> list[dict]:
    data = make_data(n)
    k = f"{n // 1000}k" if n >= 1000 else str(n)
    rows = gantt_task_rows(n_tasks)
    with tempfile.TemporaryDirectory() as folder:
        p_ours, p_raw = os.path.join(folder, "ours.xlsx"), os.path.join(folder, "raw.xlsx")
        sheets = raw_data_cells(data)
        ours_d, raw_d = _best_pair(lambda: ours_data_sheets(data, p_ours), lambda: raw_write(sheets, p_raw), repeats)
        cells = raw_gantt_cells(data, rows)
        ours_g, raw_g = _best_pair(lambda: ours_gantt(data, rows, p_ours), lambda: raw_gantt(cells, p_raw), repeats)
    return [
        {"name": f"export data sheets, {k} systems", "value_s": ours_d,
         "baseline_name": "openpyxl write-only, same cells raw", "baseline_s": raw_d, "ratio": ours_d / raw_d,
         "target": TARGET},
        {"name": f"export Gantt sheet, {n_tasks // 1000}k tasks", "value_s": ours_g,
         "baseline_name": "openpyxl write-only, same cells raw", "baseline_s": raw_g, "ratio": ours_g / raw_g,
         "target": TARGET},
    ]


if __name__ == "__main__":
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    for row in run(n):
        ok = "OK" if row["ratio"] <= row["target"] else "SLOW"
        print(f"{row['name']}: {row['value_s']:.2f} s vs {row['baseline_name']} {row['baseline_s']:.2f} s "
              f"→ ratio {row['ratio']:.2f} (target ≤ {row['target']}) {ok}")
