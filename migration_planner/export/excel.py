"""The workbook: 移行スケジュール, 振り分け結果, 標準化スケジュール, 補助金試算, 依存関係, 説明.

Written with openpyxl's write-only mode (every sheet streams; a 100k-system plan never holds a
worksheet in memory), through :mod:`.xlsx` so that text stays text and styles cost little. Every
sheet gets column widths, a coloured header, frozen headers, Japanese number formats (#,##0) and
print settings (landscape, one page wide, repeated title rows, the plan's name and the date in
the header and footer); the Gantt sheet prints on A3, the others on A4.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from copy import copy

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.cell_range import CellRange

from migration_planner.export import subsidy_sheet
from migration_planner.export.data import ExportData
from migration_planner.export.tables import (
    PHASE_ORDER,
    PHASES,
    SHEET_ABOUT,
    SHEET_GANTT,
    SHEET_SUBSIDY,
    GanttRow,
    Table,
    edges_table,
    fiscal_header,
    gantt_rows,
    month_range,
    placement_table,
    schedule_table,
)
from migration_planner.export.xlsx import (
    FMT_DATE,
    FMT_DATETIME,
    FMT_DECIMAL2,
    FMT_INT,
    FMT_PCT,
    FMT_SEN,
    GRID,
    PAPER_A3,
    PAPER_A4,
    StyleBook,
    StyledRow,
    add_sheet,
    append,
    discard,
    font,
    set_widths,
    setup_print,
    side,
    solid,
)
from migration_planner.tasks import NULL_STATE, TaskState, gc_paused

HEADER_FILL = "1F4E78"
LATE_FILL = "F8D7DA"
OVERRIDE_FILL = "FFF2CC"
REVIEW_FILL = "F8CBAD"
INPUT_FILL = "DDEBF7"
FMT_FY = '0"年度"'
FLAG_FILLS = {"late": LATE_FILL, "override": OVERRIDE_FILL, "review": REVIEW_FILL}
KIND_FORMATS = {"int": FMT_INT, "sen": FMT_SEN, "date": FMT_DATE, "datetime": FMT_DATETIME, "pct": FMT_PCT,
                "dec": FMT_DECIMAL2}
#: Vertical lines on the Gantt chart: colour, border style, legend text.
MARKERS = {
    "deadline": ("C00000", "thick", "法定期限 {d}（令和7年度末）"),
    "extended": ("7030A0", "thick", "延長期限 {d}（特定移行支援システム）"),
    "today": ("00B050", "medium", "基準日 {d}"),
}
ALIGN_WRAP = Alignment(wrap_text=True, vertical="center", horizontal="center")
ALIGN_CENTER = Alignment(horizontal="center", vertical="center")


class Styles:
    """The workbook's styles by name, each registered once."""

    def __init__(self, wb: Workbook) -> None:
        self.book = StyleBook(wb)
        add = self.book.add
        self.title = add(font=font(bold=True, size=14))
        self.subtitle = add(font=font(bold=True, size=11))
        self.note = add(font=font(size=9, color="FF595959"))
        self.header = add(font=font(bold=True, color="FFFFFFFF"), fill=solid(HEADER_FILL), border=GRID,
                          alignment=ALIGN_WRAP)
        self.section = add(font=font(bold=True), fill=solid("D9E1F2"))
        self.label = add(font=font(), border=GRID)
        self._kinds: dict[tuple[str, str | None], int] = {}

    def kind(self, kind: str, flag: str | None = None) -> int:
        """The style of a data cell of ``kind`` in a row flagged ``flag`` (0 = no style)."""
        key = (kind, flag)
        sid = self._kinds.get(key)
        if sid is None:
            fmt = KIND_FORMATS.get(kind)
            fill = solid(FLAG_FILLS[flag]) if flag else None
            sid = self.book.add(number_format=fmt, fill=fill) if (fmt or fill) else 0
            self._kinds[key] = sid
        return sid


# ---------------------------------------------------------------- tables
def write_table(wb: Workbook, styles: Styles, table: Table, data: ExportData, *, paper: int = PAPER_A4,
                state: TaskState = NULL_STATE, progress: tuple[float, float] = (0.0, 0.0)) -> None:
    """A table sheet: title, notes, a header row (frozen, printed on every page, filtered), the rows."""
    ws = add_sheet(wb, table.sheet)
    ncol = len(table.columns)
    header_row = 2 + len(table.notes)
    set_widths(ws, [c.width for c in table.columns])
    ws.freeze_panes = f"B{header_row + 1}"
    ws.row_dimensions[header_row].height = 30  # headers wrap onto two lines
    setup_print(ws, plan_name=data.plan_name, sheet_label=table.title, date_text=data.date_text,
                title_rows=f"{header_row}:{header_row}", paper=paper)
    book = styles.book
    append(ws, StyledRow([table.title], [styles.title]), book)
    for note in table.notes:
        append(ws, StyledRow([note], [styles.note]), book)
    append(ws, StyledRow(table.headers, [styles.header] * ncol), book)

    kinds = [c.kind for c in table.columns]
    plain_styles = [styles.kind(k) for k in kinds]
    plain = not any(plain_styles)
    by_flag: dict[str | None, list[int]] = {None: plain_styles}
    flags = table.flags or ()
    n = len(table.rows)
    step = max(1, n // 20)
    a, b = progress
    for i, values in enumerate(table.rows):
        flag = flags[i] if i < len(flags) else None
        if flag is None and plain:
            append(ws, values, book)
        else:
            st = by_flag.get(flag)
            if st is None:
                st = by_flag[flag] = [styles.kind(k, flag) for k in kinds]
            # An unflagged row's styles are number formats: its empty cells need not be written.
            append(ws, StyledRow(values, st, sparse=flag is None), book)
        if i % step == 0 and b > a:
            state.report(a + (b - a) * i / n)
    if n:
        ws.auto_filter.ref = f"A{header_row}:{get_column_letter(ncol)}{header_row + n}"


# ---------------------------------------------------------------- 移行スケジュール
LABEL_COLUMNS = [("区分", 7), ("コード・ID", 11), ("名称", 28), ("状況・移行先", 19), ("開始", 11), ("完了", 11)]
MONTH_WIDTH = 3.2


class GanttStyles:
    """Styles of the Gantt grid: phase × marker × late row, created on first use."""

    def __init__(self, styles: Styles) -> None:
        self.styles = styles
        self._cells: dict[tuple, int] = {}
        add = styles.book.add
        self.fy_header = add(font=font(bold=True, color="FFFFFFFF"), fill=solid(HEADER_FILL), border=GRID,
                             alignment=ALIGN_CENTER)
        self.month_header = add(font=font(size=8, bold=True), fill=solid("D9E1F2"), border=GRID, alignment=ALIGN_CENTER)
        self.marker_header = {
            m: add(font=font(size=8, bold=True, color="FFFFFFFF"), fill=solid(colour), border=GRID, alignment=ALIGN_CENTER)
            for m, (colour, _s, _t) in MARKERS.items()
        }
        self.label = add(border=GRID)
        self.label_late = add(border=GRID, fill=solid(LATE_FILL), font=font(bold=True, color="FF9C0006"))
        self.date = add(border=GRID, number_format=FMT_DATE)
        self.date_late = add(border=GRID, number_format=FMT_DATE, fill=solid(LATE_FILL), font=font(color="FF9C0006"))
        self.legend_text = add(font=font(size=9))
        #: An empty cell that shows nothing: it stops a marker column's line in the title and legend.
        self.blank = add(alignment=Alignment(vertical="bottom"))

    def cell(self, phase: str | None, marker: str | None, late: bool) -> int:
        key = (phase, marker, late)
        sid = self._cells.get(key)
        if sid is None:
            fill = solid(PHASES[phase].colour) if phase else (solid("FCE4E4") if late else None)
            border = None
            if marker is not None:
                colour, style, _t = MARKERS[marker]
                line = side(style, "FF" + colour)
                border = Border(right=line) if marker != "today" else Border(left=line)
            fnt = font(size=7, color="FF" + PHASES[phase].text) if phase else None
            sid = self.styles.book.add(fill=fill, border=border, font=fnt, alignment=ALIGN_CENTER if phase else None)
            self._cells[key] = sid
        return sid


def _month_index(day: dt.date, first_fy: int) -> int:
    """Column offset of ``day``'s month from April of ``first_fy``."""
    return (day.year - first_fy) * 12 + day.month - 4


def write_gantt(wb: Workbook, styles: Styles, data: ExportData, rows: list[GanttRow], *,
                state: TaskState = NULL_STATE, progress: tuple[float, float] = (0.0, 0.0)) -> None:
    """The Gantt chart as cells: months across the fiscal years, phases as coloured cells."""
    ws = add_sheet(wb, SHEET_GANTT)
    gs = GanttStyles(styles)
    book = styles.book
    first_fy, last_fy = month_range(rows, data.as_of, data.extended_deadline)
    n_months = (last_fy - first_fy + 1) * 12
    n_label = len(LABEL_COLUMNS)
    markers: dict[int, str] = {}
    for key, day in (("today", data.as_of), ("extended", data.extended_deadline), ("deadline", data.deadline)):
        j = _month_index(day, first_fy)
        if 0 <= j < n_months:
            markers[j] = key  # the deadline wins over the others in a shared month
    # The legend: a swatch, then its text running on over empty month cells (~1.5 full-width
    # characters a cell), wrapped onto more rows so that it never reaches past the last month.
    items: list[tuple[int, str, str | None]] = [
        (gs.cell(k, None, False), PHASES[k].label, PHASES[k].symbol) for k in PHASE_ORDER
    ]
    for m, (_c, _s, text) in MARKERS.items():
        day = {"deadline": data.deadline, "extended": data.extended_deadline, "today": data.as_of}[m]
        items.append((gs.marker_header[m], text.format(d=f"{day:%Y/%m/%d}"), "│"))
    items.append((gs.label_late, "期限超過の行（標準化対象）", None))
    legend: list[tuple[list, list[int]]] = []
    vals: list = ["凡例"] + [None] * (n_label - 1)
    sty: list[int] = [styles.subtitle] + [0] * (n_label - 1)
    for sid, text, symbol in items:
        slot = 3 + -(-len(text) * 2 // 3)
        if len(vals) + slot > n_label + n_months and len(vals) > n_label:
            legend.append((vals, sty))
            vals, sty = [None] * n_label, [0] * n_label
        vals += [symbol, text] + [None] * (slot - 2)
        sty += [sid, gs.legend_text] + [0] * (slot - 2)
    legend.append((vals, sty))
    fy_row = 2 + len(legend)
    head_row = fy_row + 1

    set_widths(ws, [w for _h, w in LABEL_COLUMNS] + [MONTH_WIDTH] * n_months)
    for j, m in markers.items():  # the lines down the grid (see the data rows below); before any row
        ws.column_dimensions[get_column_letter(n_label + 1 + j)]._style = copy(book.array(gs.cell(None, m, False)))
    ws.freeze_panes = f"{get_column_letter(n_label + 1)}{head_row + 1}"
    setup_print(ws, plan_name=data.plan_name, sheet_label="移行スケジュール", date_text=data.date_text,
                title_rows=f"1:{head_row}", paper=PAPER_A3)

    # Row 1: title; the legend; a row of fiscal years; column heads and months.
    title = f"移行スケジュール（標準化20業務とシステム移行）　{data.plan_name}　基準日 {data.as_of:%Y/%m/%d}"
    width = n_label + n_months

    def stop_lines(vals: list, sty: list) -> StyledRow:
        vals, sty = vals + [None] * (width - len(vals)), sty + [0] * (width - len(sty))
        for j in markers:
            c = n_label + j
            if vals[c] is None and not sty[c]:
                sty[c] = gs.blank
        return StyledRow(vals, sty)

    append(ws, stop_lines([title], [styles.title]), book)
    for vals, sty in legend:
        append(ws, stop_lines(vals, sty), book)

    fy_vals: list = [None] * n_label
    fy_sty: list[int] = [0] * n_label
    for k in range(last_fy - first_fy + 1):
        fy_vals += [fiscal_header(first_fy + k)] + [None] * 11
        fy_sty += [gs.fy_header] * 12
        c0 = n_label + 1 + 12 * k
        ws.merged_cells.add(CellRange(min_col=c0, min_row=fy_row, max_col=c0 + 11, max_row=fy_row))
    append(ws, StyledRow(fy_vals, fy_sty), book)

    head_vals = [h for h, _w in LABEL_COLUMNS] + [((j + 3) % 12) + 1 for j in range(n_months)]
    head_sty = [styles.header] * n_label + [gs.marker_header[markers[j]] if j in markers else gs.month_header
                                            for j in range(n_months)]
    append(ws, StyledRow(head_vals, head_sty), book)

    # Data rows. Each row's month cells are built by slices. Cells that only carry a line or the
    # late-row tint are not written: the marker columns carry the line as their column style, a
    # late row its tint as its row style (both apply to the cells a sheet leaves out), so the grid
    # costs one cell per coloured month, as a plain table would. A row style hides the column
    # style, so late rows write their (at most three) marker cells themselves.
    marker_items = sorted(markers.items())
    late_row_style = book.array(gs.cell(None, None, True))
    plain_month = [0] * n_months
    late_month = [0] * n_months
    for j, m in marker_items:
        late_month[j] = gs.cell(None, m, True)
    label_sty = [gs.label] * 4 + [gs.date] * 2
    label_sty_late = [gs.label_late] * 4 + [gs.date_late] * 2
    phase_sid = {(k, late): gs.cell(k, None, late) for k in PHASES for late in (False, True)}
    phase_marker_sid = {(k, m, late): gs.cell(k, m, late) for k in PHASES for _j, m in marker_items
                        for late in (False, True)}
    n = len(rows)
    step = max(1, n // 20)
    a, b = progress
    row_no = head_row
    for i, r in enumerate(rows):
        row_no += 1
        vals: list = [None] * n_months
        sty = (late_month if r.late else plain_month).copy()
        for key, start, end in r.bars:
            j0 = max(0, _month_index(start, first_fy))
            j1 = min(n_months - 1, _month_index(end, first_fy))
            if j1 < j0:
                continue
            width = j1 - j0 + 1
            vals[j0:j1 + 1] = [PHASES[key].symbol] * width
            sty[j0:j1 + 1] = [phase_sid[(key, r.late)]] * width
        for j, m in marker_items:
            if vals[j] is not None:
                sty[j] = phase_marker_sid[(_phase_of(vals[j]), m, r.late)]
        if r.late:
            ws.row_dimensions[row_no]._style = copy(late_row_style)
        append(ws, StyledRow([r.kind, r.key, r.name, r.info, r.start, r.finish] + vals,
                             (label_sty_late if r.late else label_sty) + sty), book)
        if i % step == 0 and b > a:
            state.report(a + (b - a) * i / n)


_SYMBOL_PHASE = {p.symbol: p.key for p in PHASES.values()}


def _phase_of(symbol: str) -> str:
    return _SYMBOL_PHASE[symbol]


# ---------------------------------------------------------------- 補助金試算
def write_subsidy(wb: Workbook, styles: Styles, data: ExportData) -> subsidy_sheet.SubsidyLayout:
    layout = subsidy_sheet.build(data)
    ws = add_sheet(wb, SHEET_SUBSIDY)
    book = styles.book
    add = book.add
    inp = dict(fill=solid(INPUT_FILL), border=GRID)
    res = dict(border=GRID)
    names: dict[str, int] = {
        "": 0, "title": styles.title, "subtitle": styles.subtitle, "note": styles.note, "header": styles.header,
        "section": styles.section, "label": styles.label, "text": add(border=GRID),
        "in_sen": add(number_format=FMT_SEN, **inp), "in_dec": add(number_format=FMT_DECIMAL2, **inp),
        "in_int": add(number_format="0", **inp), "in_text": add(**inp),
        "f_sen": add(number_format=FMT_SEN, **res), "f_dec": add(number_format=FMT_DECIMAL2, **res),
        "f_int": add(number_format="0", **res),
        "result": add(number_format=FMT_SEN, **res), "result_total": add(number_format=FMT_SEN, font=font(bold=True),
                                                                        fill=solid(LATE_FILL), border=GRID),
        "shortfall_label": add(font=font(bold=True), fill=solid(LATE_FILL), border=GRID),
        "total": add(number_format=FMT_SEN, font=font(bold=True), fill=solid("F2F2F2"), border=GRID),
        "total_label": add(font=font(bold=True), fill=solid("F2F2F2"), border=GRID),
        "year_header": add(font=font(bold=True, color="FFFFFFFF"), fill=solid(HEADER_FILL), border=GRID,
                           alignment=ALIGN_WRAP, number_format=FMT_FY),
        "year": add(number_format=FMT_FY, border=GRID),
        "f_text": add(**res),
    }
    set_widths(ws, subsidy_sheet.widths(layout.n_scenarios, layout.n_years))
    ws.freeze_panes = f"B{layout.header_row + 1}"
    setup_print(ws, plan_name=data.plan_name, sheet_label="補助金試算", date_text=data.date_text,
                title_rows=f"{layout.header_row}:{layout.header_row}", paper=PAPER_A4)
    for r, height in layout.heights.items():
        ws.row_dimensions[r].height = height
    for cells in layout.rows:
        vals = [c.value if c is not None else None for c in cells]
        sty = [names[c.style] if c is not None else 0 for c in cells]
        append(ws, StyledRow(vals, sty), book)
    return layout


# ---------------------------------------------------------------- 説明
SHEET_DESCRIPTIONS = (
    (SHEET_GANTT, "標準化20業務（工程表）と各システムの移行を月単位の色付きセルで示したもの。列は年度（4月〜3月）。"
                  "法定期限（令和7年度末）、延長期限、基準日を縦線で示し、期限を超える行を赤で示す。A3横・1ページ幅で印刷。"),
    ("振り分け結果", "全システムの移行先（ガバメントクラウド・SaaS・大阪市共通クラウド・オンプレミス）、判定ステップ、判定理由、"
                    "手動設定（理由・設定者・日時）。"),
    ("標準化スケジュール", "20業務の開始・完了、期限までの余裕（営業日）、進捗率、期限内に終わる確率、状況、クリティカルパス。"),
    (SHEET_SUBSIDY, "補助金のシナリオごとの前提と結果（千円）。結果は前提のセルを参照する数式なので、前提を変えると不足額が再計算される。"),
    ("依存関係", "業務間のデータ連携（利用先は提供元より早く切り替えない）と、システム一覧の連携先システムID。"),
    (SHEET_ABOUT, "このシート：各シートの内容、基準日、プログラムの版。"),
)


def write_about(wb: Workbook, styles: Styles, data: ExportData, extra_notes: list[str]) -> None:
    ws = add_sheet(wb, SHEET_ABOUT)
    book = styles.book
    set_widths(ws, [22, 110])
    setup_print(ws, plan_name=data.plan_name, sheet_label="説明", date_text=data.date_text, title_rows=None,
                paper=PAPER_A4)
    date_style = book.add(number_format=FMT_DATE, border=GRID)
    dt_style = book.add(number_format=FMT_DATETIME, border=GRID)
    label, text = styles.label, book.add(border=GRID, alignment=Alignment(wrap_text=True, vertical="top"))
    rows: list[tuple[list, list[int]]] = [
        ([f"移行計画の出力　{data.plan_name}"], [styles.title]),
        ([], []),
        (["プラン", data.plan_name], [label, text]),
        (["プランファイル", data.plan_path], [label, text]),
        (["基準日（as-of）", data.as_of], [label, date_style]),
        (["出力日時", data.generated_at], [label, dt_style]),
        (["プログラム", f"移行計画プランナー（Migration Planner）版 {data.version}"], [label, text]),
        (["法定期限", data.deadline], [label, date_style]),
        (["延長期限", data.extended_deadline], [label, date_style]),
        (["補助金シナリオ", "、".join(s.name for s in data.scenarios)], [label, text]),
        ([], []),
        (["シート", "内容"], [styles.header, styles.header]),
    ]
    rows += [([name, desc], [label, text]) for name, desc in SHEET_DESCRIPTIONS]
    notes = list(data.notes) + extra_notes
    for sd in data.scenarios:
        notes += [f"補助金「{sd.name}」：{n}" for n in sd.result.notes]
    if notes:
        rows += [([], []), (["注記"], [styles.subtitle])]
        rows += [(["", n], [0, text]) for n in notes]
    rows += [([], []), (["単位", "金額は千円（補助金試算）。システム一覧の金額も千円。"], [label, text]),
             (["前提", "工程の所要日数・連携・補助金の前提は既定値（想定）を含みます。プランで編集できます。"], [label, text])]
    for i, (vals, sty) in enumerate(rows, 1):
        if len(vals) > 1 and isinstance(vals[1], str) and len(vals[1]) > 55:
            ws.row_dimensions[i].height = 14.5 * -(-len(vals[1]) // 55)  # wrapped lines (before the row)
        append(ws, StyledRow(vals, sty), book)


# ---------------------------------------------------------------- the workbook
def write_workbook(path: str, data: ExportData, *, state: TaskState = NULL_STATE,
                   progress: Callable[[float], tuple[float, float]] | None = None) -> subsidy_sheet.SubsidyLayout:
    """Write the whole workbook to ``path`` (the caller makes it atomic). Returns the subsidy layout."""
    wb = Workbook(write_only=True)
    try:
        # Writing allocates millions of short-lived, acyclic objects (cells, XML elements, rows):
        # with the collector on, ~10 % of a 100k-system export went to collections finding nothing.
        with gc_paused():
            return _write_sheets(wb, path, data, state)
    except BaseException:
        discard(wb)
        raise


def _write_sheets(wb: Workbook, path: str, data: ExportData, state: TaskState) -> subsidy_sheet.SubsidyLayout:
    styles = Styles(wb)
    state.report(0.35, "移行スケジュールを書き出しています")
    write_gantt(wb, styles, data, gantt_rows(data), state=state, progress=(0.35, 0.5))
    state.report(0.5, "振り分け結果を書き出しています")
    write_table(wb, styles, placement_table(data), data, paper=PAPER_A3, state=state, progress=(0.5, 0.7))
    write_table(wb, styles, schedule_table(data), data)
    state.report(0.72, "補助金試算を書き出しています")
    layout = write_subsidy(wb, styles, data)
    write_table(wb, styles, edges_table(data), data, state=state, progress=(0.74, 0.78))
    write_about(wb, styles, data, [])
    state.report(0.8, "ファイルに保存しています")
    wb.save(path)
    return layout
