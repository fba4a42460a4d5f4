"""Each table as a CSV file in UTF-8 with a BOM (what Excel in Japan expects).

**Text stays text (CSV).** A spreadsheet opening a CSV file reads a field that begins with ``=``,
``+``, ``-``, ``@`` (or a tab or carriage return) as a formula. Every *text* field that begins
with one of them is written with a leading single quote ``'`` (OWASP's mitigation for CSV
injection): Excel shows ``'=1+1`` as the text ``'=1+1`` instead of computing it. The quote is
visible in the cell, which is the price of safety; numbers (including negative ones) are written as
numbers and are never prefixed. Dates are ISO (``2026-03-31``), booleans 〇 marks as in the
workbook, money in the unit its column header names.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os

from migration_planner.export.data import ExportData
from migration_planner.export.tables import (
    SHEET_SUBSIDY,
    Column,
    Table,
    edges_table,
    gantt_table,
    placement_table,
    schedule_table,
)
from migration_planner.export.xlsx import RISKY_PREFIXES
from migration_planner.workloads import BY_CODE

ENCODING = "utf-8-sig"


def csv_safe(value) -> object:
    """A cell for CSV: text that a spreadsheet could read as a formula gets a leading ``'``."""
    if value is None:
        return ""
    if isinstance(value, str):
        return "'" + value if value.startswith(RISKY_PREFIXES) else value
    if isinstance(value, bool):
        return "○" if value else ""
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=None).isoformat(sep=" ", timespec="minutes")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def table_csv(table: Table) -> str:
    buf = io.StringIO(newline="")
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow([csv_safe(h) for h in table.headers])
    for row in table.rows:
        w.writerow([csv_safe(v) for v in row])
    return buf.getvalue()


def subsidy_tables(data: ExportData) -> list[Table]:
    """The subsidy figures as the core computed them (values, in 千円): one summary, one by workload."""
    from migration_planner.export.subsidy_sheet import PARAM_ROWS, RESULT_ROWS, param_value, sen

    names = [s.name for s in data.scenarios]
    cols = [Column("区分", 8), Column("項目", 36)] + [Column(n, 16) for n in names]
    rows = []
    for key, label, kind in PARAM_ROWS:
        rows.append(["前提", label] + [param_value(s, key, kind) for s in data.scenarios])
    for key, label in RESULT_ROWS:
        rows.append(["結果（千円）", label] + [sen(getattr(s.result, key)) for s in data.scenarios])
    summary = Table(SHEET_SUBSIDY, "補助金試算", cols, rows)
    wcols = [Column(h, 12) for h in ("シナリオ", "業務コード", "業務名", "移行経費（千円）", "年間運用経費（千円）",
                                     "遅れ（か月）", "補助対象経費（千円）", "補助で賄える額（千円）", "完了年度",
                                     "並行運用の追加経費（千円）", "市の負担（千円）")]
    wrows = []
    for s in data.scenarios:
        for code, w in s.result.by_workload.items():
            wrows.append([s.name, code, BY_CODE[code].name, sen(w.migration_cost), sen(w.running_cost_today),
                          w.late_months, sen(w.eligible_cost), sen(w.subsidy_covered), w.finish_fy,
                          sen(w.extra_running_cost), sen(w.shortfall)])
    return [summary, Table(f"{SHEET_SUBSIDY}_業務別", "補助金試算（業務別）", wcols, wrows)]


def all_tables(data: ExportData) -> list[Table]:
    return [gantt_table(data), placement_table(data), schedule_table(data), *subsidy_tables(data), edges_table(data)]


def write_csvs(folder: str, data: ExportData, write_atomic) -> list[str]:
    """Write every table as ``<sheet name>.csv`` in ``folder``; returns the paths written.

    ``write_atomic(path, fn)`` writes through a temporary file (see :func:`..atomic_write`).
    """
    out = []
    for table in all_tables(data):
        path = os.path.join(folder, f"{table.sheet}.csv")
        text = table_csv(table)

        def fill(tmp: str, text: str = text) -> None:
            with open(tmp, "w", encoding=ENCODING, newline="") as fh:
                fh.write(text)

        write_atomic(path, fill)
        out.append(path)
    return out
