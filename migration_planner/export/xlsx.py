"""Low-level xlsx writing on openpyxl's write-only mode: text that stays text, cheap styles, print set-up.

**Text stays text.** Every ``str`` is written with the cell's ``data_type`` set to ``'s'``
explicitly, so a system name such as ``=HYPERLINK(...)``, ``+81...``, ``-``, ``@mention`` or
``#N/A`` is stored as an inline string, never as a formula or an error value (openpyxl's own value
setter turns a string starting with ``=`` into a formula and ``#N/A`` into an error). Only
:class:`Formula` values, which this package builds itself, are written as formulas. Characters an
xlsx file cannot hold (C0 control characters) are dropped rather than failing the export.

**Cheap styles.** openpyxl's write-only mode makes a new cell object for every styled cell and
hashes its style when writing it, which costs ~40 % over raw values for a coloured Gantt grid.
:class:`FastSheet` (a :class:`WriteOnlyWorksheet`) instead takes a :class:`StyledRow` (a list of
values with a parallel list of style ids registered once in a :class:`StyleBook`) and streams it
through a single reused cell per row. The output is the same XML openpyxl writes for styled cells.
This overrides ``WriteOnlyWorksheet._values_to_row``, a private hook of openpyxl 3.1; when a
future openpyxl lacks it, :func:`add_sheet` falls back to the public path (one ``WriteOnlyCell`` per
styled or text cell) — slower, same file. ``tests/test_export.py`` writes through both.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

#: Leading characters a spreadsheet may read as the start of a formula (OWASP CSV injection list).
RISKY_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
MAX_TEXT = 32_767
PAPER_A3, PAPER_A4 = 8, 9
#: Japanese number formats.
FMT_INT = "#,##0"
FMT_SEN = "#,##0"                 # 千円, whole thousands
FMT_DECIMAL2 = "#,##0.00"
FMT_PCT = "0%"
FMT_PCT1 = "0.0%"
FMT_DATE = "yyyy/mm/dd"
FMT_DATETIME = "yyyy/mm/dd hh:mm"
FONT_NAME = "游ゴシック"            # Excel's Japanese default; LibreOffice substitutes a Japanese font

_FAST = hasattr(WriteOnlyWorksheet, "_values_to_row") and hasattr(Workbook, "_add_sheet")


class Formula(str):
    """A formula this package wrote (``"=SUM(B2:B9)"``): the only strings written as formulas."""

    __slots__ = ()


def clean_text(value: str) -> str:
    """``value`` as an xlsx cell can hold it: control characters dropped, at most 32,767 characters."""
    if ILLEGAL_CHARACTERS_RE.search(value):
        value = ILLEGAL_CHARACTERS_RE.sub("", value)
    return value[:MAX_TEXT]


class StyledRow(list):
    """Cell values with a parallel list of style ids (0 = no style); ``None`` values with a style
    are written as empty styled cells (a coloured Gantt month, a bordered blank) unless ``sparse``
    (a table row whose styles are only number formats: an empty cell needs none)."""

    __slots__ = ("styles", "sparse")

    def __init__(self, values: Iterable, styles: Sequence[int], sparse: bool = False) -> None:
        super().__init__(values)
        self.styles = styles
        self.sparse = sparse


class _StreamCell(Cell):
    """The one cell :class:`FastSheet` reuses per row: its style id is set, not hashed per write."""

    __slots__ = ("style_id", "has_style")

    def __init__(self, ws) -> None:
        super().__init__(ws, row=1, column=1)
        self.style_id = 0
        self.has_style = False


def _bind(cell: Cell, value) -> None:
    """Set ``cell``'s value and type without openpyxl's guessing (strings stay strings)."""
    t = type(value)
    if t is str:
        cell._value = clean_text(value)
        cell.data_type = "s"
    elif t is int or t is float:
        cell._value = value
        cell.data_type = "n"
    elif t is Formula:
        cell._value = str(value)
        cell.data_type = "f"
    elif isinstance(value, bool):
        cell._value = value
        cell.data_type = "b"
    elif isinstance(value, (dt.date, dt.datetime)):
        if isinstance(value, dt.datetime) and value.tzinfo is not None:
            value = value.replace(tzinfo=None)  # local wall time; Excel has no time zones
        cell._value = value
        cell.data_type = "d"
    elif isinstance(value, str):  # other str subclasses: still text
        cell._value = clean_text(str(value))
        cell.data_type = "s"
    elif isinstance(value, (int, float)):
        cell._value = value
        cell.data_type = "n"
    else:
        cell._value = clean_text(str(value))
        cell.data_type = "s"


class FastSheet(WriteOnlyWorksheet):
    """A write-only sheet that streams :class:`StyledRow` s (and plain lists) through one cell."""

    def _values_to_row(self, values, row_idx):
        styled = type(values) is StyledRow
        styles = values.styles if styled else None
        sparse = values.sparse if styled else True
        cell = _StreamCell(self)
        cell.row = row_idx
        for col, value in enumerate(values, 1):
            sid = styles[col - 1] if styles is not None else 0
            if value is None:
                if not sid or sparse:
                    continue
                cell._value = None
                cell.data_type = "n"
            elif type(value) is str:  # the common case, inline
                cell._value = value if not ILLEGAL_CHARACTERS_RE.search(value) and len(value) <= MAX_TEXT \
                    else clean_text(value)
                cell.data_type = "s"
            else:
                _bind(cell, value)
            cell.column = col
            cell.style_id = sid
            cell.has_style = sid != 0
            yield cell


def set_default_font(wb: Workbook) -> None:
    """Make 游ゴシック 10pt the workbook's default font (openpyxl's is Calibri 11), so that cells
    without a style of their own read as Japanese documents do. Before any style is added."""
    from openpyxl.utils.indexed_list import IndexedList

    base = font()
    if len(wb._fonts) == 1:
        wb._fonts = IndexedList([base])
    for named in wb._named_styles:
        if named.name == "Normal":
            named.font = base


class StyleBook:
    """Named cell styles of one workbook, registered once: ``book.add(font=…, fill=…)`` → style id."""

    def __init__(self, wb: Workbook) -> None:
        self.wb = wb
        set_default_font(wb)
        self._probe_ws = WriteOnlyWorksheet(wb, "_styles")  # never added to the workbook
        self._arrays: dict[int, object] = {0: None}
        self._cache: dict[tuple, int] = {}

    def add(self, *, font: Font | None = None, fill: PatternFill | None = None, border: Border | None = None,
            alignment: Alignment | None = None, number_format: str | None = None) -> int:
        key = (font, fill, border, alignment, number_format)
        found = self._cache.get(key)
        if found is not None:
            return found
        cell = Cell(self._probe_ws, row=1, column=1)
        if font is not None:
            cell.font = font
        if fill is not None:
            cell.fill = fill
        if border is not None:
            cell.border = border
        if alignment is not None:
            cell.alignment = alignment
        if number_format is not None:
            cell.number_format = number_format
        sid = self.wb._cell_styles.add(cell._style)
        self._arrays[sid] = cell._style
        self._cache[key] = sid
        return sid

    def array(self, sid: int):
        return self._arrays.get(sid)


def add_sheet(wb: Workbook, title: str) -> WriteOnlyWorksheet:
    """A write-only sheet named ``title`` (a :class:`FastSheet` where openpyxl allows)."""
    if _FAST:
        ws = FastSheet(parent=wb, title=title)
        wb._add_sheet(ws)
        return ws
    return wb.create_sheet(title)


def append(ws: WriteOnlyWorksheet, row: list, book: StyleBook | None = None) -> None:
    """Append ``row`` (a list or a :class:`StyledRow`) to ``ws`` with text kept as text."""
    if isinstance(ws, FastSheet):
        ws.append(row)
        return
    ws.append(public_row(ws, row, book))


def public_row(ws, row: list, book: StyleBook | None) -> list:
    """The same row through openpyxl's public API: a ``WriteOnlyCell`` for every styled cell and
    every value openpyxl would otherwise guess the type of (strings, formulas)."""
    from copy import copy

    from openpyxl.cell import WriteOnlyCell

    styles = row.styles if isinstance(row, StyledRow) else None
    sparse = row.sparse if isinstance(row, StyledRow) else True
    out = []
    for i, value in enumerate(row):
        sid = styles[i] if styles is not None else 0
        if value is None and sparse:
            out.append(None)
            continue
        if not sid and (value is None or type(value) in (int, float)):
            out.append(value)
            continue
        cell = WriteOnlyCell(ws)
        if value is not None:
            _bind(cell, value)
        if sid:
            cell._style = copy(book.array(sid))
        out.append(cell)
    return out


def discard(wb: Workbook) -> None:
    """Close and delete the temporary files of a write-only workbook that will not be saved
    (a cancelled or failed export): openpyxl would otherwise keep them until the process exits."""
    for ws in wb.worksheets:
        rows, writer = getattr(ws, "_rows", None), getattr(ws, "_writer", None)
        try:
            if rows is not None:
                rows.close()
            if writer is not None:
                writer.close()
                writer.cleanup()
        except Exception:  # best effort: the export has failed already, and says why
            pass
        ws._rows = ws._writer = None


# ---------------------------------------------------------------- common styles
def side(style: str = "thin", color: str = "FF9E9E9E") -> Side:
    return Side(style=style, color=color)


THIN = side()
GRID = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)


def solid(rgb: str) -> PatternFill:
    rgb = rgb.lstrip("#").upper()
    return PatternFill(fill_type="solid", fgColor="FF" + rgb if len(rgb) == 6 else rgb)


def font(*, bold: bool = False, size: float = 10, color: str = "FF000000", italic: bool = False) -> Font:
    # family 3 (modern) and charset 128 (Shift_JIS) are what Excel writes for Japanese fonts.
    return Font(name=FONT_NAME, bold=bold, size=size, color=color, italic=italic, family=3, charset=128)


# ---------------------------------------------------------------- print set-up
def header_footer_text(text: str) -> str:
    """``text`` safe inside a header or footer: ``&`` starts a code there, so it is doubled."""
    return text.replace("&", "&&")


def setup_print(
    ws,
    *,
    plan_name: str,
    sheet_label: str,
    date_text: str,
    title_rows: str | None,
    paper: int = PAPER_A4,
    landscape: bool = True,
    title_cols: str | None = None,
) -> None:
    """Paper, orientation, one page wide, repeated title rows, header and footer.

    Header: the plan's name (left), the sheet (centre), the date (right). Footer: page n / N.
    Must be called before the first row is appended (sheet properties are written first).
    """
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.paperSize = paper
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0          # as many pages tall as it takes
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    ws.page_margins.header = ws.page_margins.footer = 0.25
    if title_rows:
        ws.print_title_rows = title_rows
    if title_cols:
        ws.print_title_cols = title_cols
    for part, text in ((ws.oddHeader.left, plan_name), (ws.oddHeader.center, sheet_label),
                       (ws.oddHeader.right, date_text)):
        part.text = header_footer_text(text)
        part.size = 9
    ws.oddFooter.left.text = header_footer_text(plan_name)
    ws.oddFooter.left.size = 8
    ws.oddFooter.center.text = "&P / &N"
    ws.oddFooter.center.size = 8
    ws.oddFooter.right.text = header_footer_text(date_text)
    ws.oddFooter.right.size = 8


_COL_RE = re.compile(r"^[A-Z]{1,3}$")


def set_widths(ws, widths: dict[str, float] | Sequence[float]) -> None:
    """Column widths (in characters) by letter or in order from column A. Before the first row."""
    from openpyxl.utils import get_column_letter

    items = widths.items() if isinstance(widths, dict) else ((get_column_letter(i + 1), w) for i, w in enumerate(widths))
    for letter, width in items:
        assert _COL_RE.match(letter), letter
        ws.column_dimensions[letter].width = width
