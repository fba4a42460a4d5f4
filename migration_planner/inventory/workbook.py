"""Safe, fast reading of a table out of an .xlsx workbook.

The file is checked before any XML is parsed: it must be a zip (not an old .xls, an encrypted
workbook, a CSV or an empty file), its declared sizes must stay within bounds (zip bombs), and its
XML parts may not declare a DTD (entity bombs). Cells are read with python-calamine, which returns
formulas' cached values, a chunk of rows at a time (:func:`open_table`); openpyxl in read-only mode
(with defusedxml installed) streams a sheet whose values span a huge range (a stray value far
below the table: :func:`streamed_sheets`) and is the fallback for a file calamine cannot open.
"""

from __future__ import annotations

import datetime as dt
import itertools
import os
import posixpath
import re
import unicodedata
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from operator import itemgetter

from migration_planner.inventory.contract import ColumnSpec
from migration_planner.inventory.issues import FileProblem, Issue
from migration_planner.tasks import NULL_STATE, Cancelled, TaskState
from migration_planner.values import ASCII_BLANKS, is_blank, nfkc, nfkc_joined

#: Bounds checked against the zip's declared sizes before anything is parsed.
MAX_FILE_BYTES = 512 * 1024 * 1024
MAX_TOTAL_UNCOMPRESSED = 2 * 1024 * 1024 * 1024
MAX_MEMBER_UNCOMPRESSED = 1024 * 1024 * 1024
MAX_RATIO = 200  # a sheet's XML compresses ~10–30×; hundreds is a bomb
RATIO_CHECK_ABOVE = 32 * 1024 * 1024

_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_DTD_RE = re.compile(rb"<!(DOCTYPE|ENTITY)", re.IGNORECASE)


def check_xlsx(path: str) -> None:
    """Raise :class:`FileProblem` with a planner-readable message unless ``path`` looks like a safe .xlsx."""
    name = os.path.basename(path)
    try:
        size = os.path.getsize(path)
        with open(path, "rb") as fh:
            head = fh.read(8)
    except FileNotFoundError:
        raise FileProblem(f"ファイル「{name}」が見つかりません。", path) from None
    except IsADirectoryError:
        raise FileProblem(f"「{name}」はフォルダです。Excelファイル（.xlsx）を選んでください。", path) from None
    except OSError as exc:
        raise FileProblem(f"ファイル「{name}」を開けません（{exc.strerror or exc}）。", path) from None
    if size == 0:
        raise FileProblem(f"ファイル「{name}」は空です（0バイト）。", path)
    if size > MAX_FILE_BYTES:
        raise FileProblem(f"ファイル「{name}」が大きすぎます（{size // 2**20} MB、上限 {MAX_FILE_BYTES // 2**20} MB）。", path)
    if head.startswith(_OLE2_MAGIC):
        if _is_encrypted_ole(path):
            raise FileProblem(
                f"「{name}」はパスワードで保護（暗号化）されています。Excelでパスワードを解除して保存し直してから取り込んでください。",
                path,
            )
        raise FileProblem(
            f"「{name}」は古いExcel形式（.xls）です。Excelで「Excelブック（*.xlsx）」として保存し直してから取り込んでください。",
            path,
        )
    if not head.startswith(b"PK"):
        kind = "CSVなどのテキストファイル" if _looks_like_text(path) else "Excelブックではないファイル"
        raise FileProblem(
            f"「{name}」は{kind}です（拡張子だけが .xlsx になっている可能性があります）。Excelブック（.xlsx）を選んでください。",
            path,
        )
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            names = {i.filename for i in infos}
            if "xl/workbook.xml" not in names:
                raise FileProblem(f"「{name}」はzip形式ですが、Excelブック（.xlsx）ではありません。", path)
            total = 0
            for info in infos:
                total += info.file_size
                if info.file_size > MAX_MEMBER_UNCOMPRESSED or total > MAX_TOTAL_UNCOMPRESSED:
                    raise FileProblem(
                        f"「{name}」は展開すると {total // 2**20} MB を超えます（上限 {MAX_TOTAL_UNCOMPRESSED // 2**20} MB）。"
                        "圧縮爆弾の可能性があるため読み込みません。",
                        path,
                    )
                if info.file_size > RATIO_CHECK_ABOVE and info.file_size > MAX_RATIO * max(info.compress_size, 1):
                    raise FileProblem(
                        f"「{name}」の「{info.filename}」は圧縮率が異常です（{info.file_size // max(info.compress_size, 1)}倍）。"
                        "圧縮爆弾の可能性があるため読み込みません。",
                        path,
                    )
            for info in infos:
                if info.filename.endswith((".xml", ".rels")):
                    with zf.open(info) as part:
                        if _declares_dtd(part.read(64 * 1024), info.file_size):
                            raise FileProblem(
                                f"「{name}」の「{info.filename}」にDTD（実体宣言）が含まれています（または先頭部分が不自然に長く、隠されている可能性があります）。"
                                "XML爆弾の可能性があるため読み込みません。",
                                path,
                            )
    except FileProblem:
        raise
    except (zipfile.BadZipFile, EOFError, OSError, NotImplementedError, RuntimeError, ValueError):
        raise FileProblem(
            f"「{name}」は壊れているか、途中で切れています。元のファイルを保存し直してから取り込んでください。", path
        ) from None


_PROLOG_JUNK_RE = re.compile(rb"<\?.*?\?>|<!--.*?-->|\s+", re.DOTALL)


def _declares_dtd(head: bytes, size: int) -> bool:
    """True when an XML part's prolog declares a DTD, or is padded beyond ``head`` to hide one
    (a prolog is a few hundred bytes; comments before a DOCTYPE can push it past what we read)."""
    complete = size <= len(head)
    if head[:2] in (b"\xff\xfe", b"\xfe\xff"):  # UTF-16 parts (customXml items) hide a DTD from a bytes search
        head = head.decode("utf-16", errors="ignore").encode("utf-8")
    if _DTD_RE.search(head):
        return True
    if complete:
        return False
    rest = _PROLOG_JUNK_RE.sub(b"", head).lstrip(b"\xef\xbb\xbf")
    return not rest.startswith(b"<") or rest.startswith((b"<!", b"<?"))


def _is_encrypted_ole(path: str) -> bool:
    # Encrypted OOXML is an OLE2 container holding the streams EncryptionInfo / EncryptedPackage.
    marker = "EncryptedPackage".encode("utf-16-le")
    with open(path, "rb") as fh:
        return marker in fh.read(4 * 1024 * 1024)


def _looks_like_text(path: str) -> bool:
    with open(path, "rb") as fh:
        chunk = fh.read(4096)
    if b"\x00" in chunk:
        return False
    for enc in ("utf-8", "cp932"):
        try:
            chunk.decode(enc)
            return True
        except UnicodeDecodeError:
            continue
    return False


# ---------------------------------------------------------------- header matching
_BRACKETS = re.compile(r"\([^)]*\)|\[[^\]]*\]|【[^】]*】|〔[^〕]*〕")


def normalize_header(text: object) -> str:
    """NFKC, no whitespace (full-width too), no bracketed units such as （千円）, lower case."""
    s = unicodedata.normalize("NFKC", "" if text is None else str(text))
    s = _BRACKETS.sub("", s)
    return re.sub(r"\s+", "", s).lower()


@dataclass(slots=True)
class Table:
    """A table found in a workbook: where it is, which column holds which key, and its raw rows."""

    path: str
    sheet: str
    header_row: int                         # Excel row number of the header
    columns: dict[str, int]                 # key → 0-based column index
    headers: dict[str, str]                 # key → header text as written
    extras: dict[int, str]                  # column index → header text of unknown columns
    rows: list[tuple[int, list]] = field(default_factory=list)  # (Excel row number, cells)
    warnings: list[Issue] = field(default_factory=list)


# ---------------------------------------------------------------- a sheet's rows
#: python-calamine loads a sheet as one dense range, from its first to its last cell holding a value
#: (about 32 bytes a cell, blank or not): a value typed by mistake in row 1,048,576 makes that
#: 600 MB, and one in column XFD more than any machine has (the process aborts). A sheet whose range
#: would exceed this many cells is streamed instead (openpyxl read-only: rows one at a time, up to
#: the table's end). A 250,000-row, 20-column inventory stays on the fast path.
DENSE_CELLS_MAX = 5_000_000
#: Sheets up to this size of XML are scanned for the cells holding values before they are loaded
#: (a few milliseconds); larger ones are judged by the range their ``<dimension>`` declares, and
#: scanned only when that is too large (the range may be formatting, not values).
SCAN_BYTES_MAX = 2 * 1024 * 1024
_SCAN_CHUNK = 1024 * 1024
_SCAN_TAG_MAX = 64 * 1024  # a start tag (or a text) longer than this is not a sheet we can size
_HEAD_BYTES = 64 * 1024
_DIMENSION_RE = re.compile(rb'<(?:\w+:)?dimension\s+ref="\$?([A-Z]{1,3})\$?(\d{1,7})(?::\$?([A-Z]{1,3})\$?(\d{1,7}))?"')
#: A cell's start tag with its reference (a closing ``/`` means no value); a cell without ``r``.
_CELL_RE = re.compile(rb'<(?:\w+:)?c\s[^>]*?\br="([A-Z]{1,3})(\d{1,7})"[^>]*?(/?)>')
_CELL_WITHOUT_REF_RE = re.compile(rb'<(?:\w+:)?c(?:>|\s(?![^>]*\br=)[^>]*>)')


def _column_number(letters: bytes | str) -> int:
    n = 0
    for ch in letters if isinstance(letters, str) else letters.decode("ascii"):
        n = n * 26 + ord(ch) - 64
    return n


def _declared_cells(head: bytes) -> int | None:
    """The number of cells of the range a sheet's ``<dimension ref="A1:R67">`` declares (counted
    from A1: the larger bound), or None when its first bytes declare none."""
    m = _DIMENSION_RE.search(head)
    if m is None:
        return None
    col, row = (m.group(3), m.group(4)) if m.group(3) else (m.group(1), m.group(2))
    return _column_number(col) * int(row)


def _value_cells(part) -> int | None:
    """An upper bound on the cells of the range python-calamine would build from a sheet's XML
    (``part``, a readable binary stream): rows × columns up to the last cell holding a value, read
    in chunks (memory bounded whatever the size). None when the XML is too odd to tell (cells
    without a reference, a tag longer than :data:`_SCAN_TAG_MAX`): the caller streams such a sheet."""
    max_row = 0
    max_letters = b""
    carry = b""
    while True:
        chunk = part.read(_SCAN_CHUNK)
        data = carry + chunk
        if chunk:
            cut = data.rfind(b"<")
            cut = len(data) if cut < 0 else cut
            data, carry = data[:cut], data[cut:]
            if len(carry) > _SCAN_TAG_MAX:
                return None
        if _CELL_WITHOUT_REF_RE.search(data):
            return None
        valued = [(letters, row) for letters, row, closed in _CELL_RE.findall(data) if not closed]
        if valued:
            max_row = max(max_row, *(int(row) for _, row in valued))
            max_letters = max(max_letters, *(letters for letters, _ in valued), key=lambda c: (len(c), c))
        if not chunk:
            break
    return max_row * (_column_number(max_letters) if max_letters else 0)


def _sheet_parts(zf: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name → the zip member of its XML, from the workbook and its relationships."""
    from defusedxml.ElementTree import fromstring

    ns_main = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    ns_rel = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
    rels = fromstring(zf.read("xl/_rels/workbook.xml.rels"))
    targets = {}
    for rel in rels:
        target = rel.get("Target", "")
        member = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))
        targets[rel.get("Id")] = member
    parts = {}
    for sheet in fromstring(zf.read("xl/workbook.xml")).iter(f"{ns_main}sheet"):
        member = targets.get(sheet.get(f"{ns_rel}id"))
        if member:
            parts[sheet.get("name")] = member
    return parts


def streamed_sheets(path: str) -> set[str]:
    """The sheets of ``path`` to read as a stream: those whose dense range would exceed
    :data:`DENSE_CELLS_MAX` cells (see there). A sheet over :data:`SCAN_BYTES_MAX` that declares no
    ``<dimension>``, or a small one, is loaded as it is: Excel and LibreOffice always declare the
    range, and scanning the cells of every large sheet would add a fifth to the reading time."""
    out: set[str] = set()
    try:
        with zipfile.ZipFile(path) as zf:
            try:
                parts = _sheet_parts(zf)
            except Exception:  # an odd workbook part: calamine or openpyxl will say what is wrong
                return out
            for name, member in parts.items():
                try:
                    info = zf.getinfo(member)
                except KeyError:
                    continue
                if info.file_size > SCAN_BYTES_MAX:
                    with zf.open(info) as part:
                        declared = _declared_cells(part.read(_HEAD_BYTES))
                    if declared is None or declared <= DENSE_CELLS_MAX:
                        continue
                with zf.open(info) as part:
                    cells = _value_cells(part)
                if cells is None or cells > DENSE_CELLS_MAX:
                    out.add(name)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, RuntimeError, NotImplementedError):
        pass  # check_xlsx has looked at the file already; the readers report what is left
    return out


class _CalamineSheet:
    """A sheet read by python-calamine (loaded whole, as one range of values)."""

    def __init__(self, sheet) -> None:
        self.name = sheet.name
        self._sheet = sheet
        self._first = sheet.start[0] + 1 if sheet.start is not None else 1  # Excel row of head()[0]

    def rows_after(self, row: int) -> int:
        """How many rows the sheet's range has below Excel row ``row`` (a progress estimate)."""
        return max(self._sheet.height - (row - self._first + 1), 0)

    def head(self, n: int) -> tuple[int, list[list]]:
        """(Excel row number of the first row, the first ``n`` rows from the first cell in use)."""
        if self._sheet.start is None:
            return 1, []
        return self._first, self._sheet.to_python(nrows=n)

    def rest(self, start: int) -> Iterator[list]:
        """The rows from ``start`` (an index into :meth:`head`'s rows) on, converted as they are
        taken (iter_rows starts at the sheet's row 1; columns as in to_python)."""
        return itertools.islice(self._sheet.iter_rows(), self._first - 1 + start, None)


class _StreamedSheet:
    """A sheet read one row at a time (openpyxl read-only): memory independent of its range."""

    def __init__(self, ws) -> None:
        self.name = ws.title
        # Rows as long as their last cell, not padded to the declared range (which may reach XFD).
        ws.reset_dimensions()
        self._rows = map(_as_calamine_reads, ws.iter_rows(values_only=True))
        self._head: list[list] = []

    def head(self, n: int) -> tuple[int, list[list]]:
        self._head = list(itertools.islice(self._rows, n))
        return 1, self._head

    def rest(self, start: int) -> Iterator[list]:
        return itertools.chain(self._head[start:], self._rows)

    def rows_after(self, row: int) -> None:
        return None  # not known before the rows are read


def _as_calamine_reads(row: tuple) -> list:
    """A row from openpyxl with its cells as python-calamine gives them: a date-time at midnight
    is a date (numbers need nothing: the parsers take 2 and 2.0 alike, blanks None and ''). One
    difference is left: a serial a hair past midnight (float noise, never what Excel writes for a
    date) is a date-time to calamine, which only a date in a text column would show."""
    return [c.date() if type(c) is dt.datetime and not (c.hour or c.minute or c.second or c.microsecond) else c
            for c in row]


@contextmanager
def _open_sheets(path: str, *, stream: bool | None = None):
    """The workbook's sheets in order, each read by python-calamine, or streamed (see
    :func:`streamed_sheets`); openpyxl read-only when calamine cannot open the file at all.
    ``stream=True`` streams every sheet (tests compare the two ways)."""
    to_stream = streamed_sheets(path) if stream is None else set()
    openpyxl_wb = None

    def openpyxl_book():
        nonlocal openpyxl_wb
        if openpyxl_wb is None:
            import openpyxl

            openpyxl_wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
        return openpyxl_wb

    def sheets(wb):
        for name in wb.sheet_names:
            if stream or name in to_stream:
                yield _StreamedSheet(openpyxl_book()[name])
            else:
                yield _CalamineSheet(wb.get_sheet_by_name(name))

    wb = fast_error = None
    try:
        from python_calamine import CalamineWorkbook

        wb = CalamineWorkbook.from_path(path)
    except Exception as exc:  # calamine's errors: PasswordError, ZipError, XmlError, CalamineError …
        if type(exc).__name__ == "PasswordError":
            raise FileProblem(f"「{os.path.basename(path)}」はパスワードで保護されています。", path) from None
        fast_error = exc
    try:
        if wb is not None:
            with wb:
                yield sheets(wb)
            return
        try:
            book = openpyxl_book()
        except Exception:
            raise FileProblem(
                f"「{os.path.basename(path)}」をExcelブックとして読めません（{type(fast_error).__name__}）。"
                "Excelで開いて保存し直してから取り込んでください。",
                path,
            ) from None
        yield (_StreamedSheet(ws) for ws in book.worksheets)
    finally:
        if openpyxl_wb is not None:
            openpyxl_wb.close()


def _unreadable_sheet(path: str, exc: Exception) -> FileProblem:
    # A sheet is loaded (calamine) or parsed (openpyxl) lazily, so a damaged sheet XML, a member
    # larger than its declared size, etc. surface while reading: still a message, never a traceback.
    return FileProblem(
        f"「{os.path.basename(path)}」のシートを読めません（{type(exc).__name__}）。"
        "ファイルが壊れている可能性があります。Excelで開いて保存し直してから取り込んでください。",
        path,
    )


_END_MARKERS = {"合計", "計", "total"}
#: Rows taken from a sheet at a time: a chunk's cells are still in the processor's caches while
#: they are checked and typed column by column (reading 100k rows whole and then column by column
#: spends about a third more). 500 rows of 18 cells are ~0.7 MB of objects, within a core's L2 on
#: the machines measured; 1000 were as fast at best but ~4% slower in the median with other
#: processes running (and 250 no faster: the per-chunk costs grow).
CHUNK_ROWS = 500


@dataclass(slots=True)
class TableRows:
    """The rows of a table as they are read: ``chunks`` gives, in order, lists of (Excel row
    numbers, cells of each row), up to the table's end. ``expected`` estimates their number (for
    progress; None when unknown)."""

    chunks: Iterator[tuple[range, list[list]]]
    expected: int | None = None


@contextmanager
def open_table(
    path: str,
    columns: list[ColumnSpec],
    *,
    what: str = "表",
    state: TaskState = NULL_STATE,
    header_scan_rows: int = 50,
    max_rows: int = 1_048_576,
    stream: bool | None = None,
    chunk_rows: int | None = None,
) -> Iterator[tuple[Table, TableRows]]:
    """Find the first sheet whose header row holds every required column; give its
    :class:`Table` (header, columns, warnings; no rows) and its :class:`TableRows`, read while the
    ``with`` block takes them.

    Raises :class:`FileProblem` when no sheet has the header (the message names what is missing)
    or the file cannot be read. ``stream=True`` reads every sheet as a stream (what a sheet with a
    huge range gets; tests check that both ways agree).
    """
    check_xlsx(path)
    with _open_sheets(path, stream=stream) as sheets:
        table, sheet, rows = _locate(path, sheets, columns, what, state, header_scan_rows)
        used = sorted(set(table.columns.values()) | set(table.extras))
        first_col = min(table.columns.values()) if table.columns else 0
        expected = sheet.rows_after(table.header_row)
        chunks = _chunks(path, rows, table.header_row + 1, used, first_col, max_rows, chunk_rows or CHUNK_ROWS, state)
        yield table, TableRows(chunks, expected)


def find_table(path: str, columns: list[ColumnSpec], **options) -> Table:
    """:func:`open_table` (same options) with every row read into :attr:`Table.rows`."""
    state = options.get("state", NULL_STATE)
    with open_table(path, columns, **options) as (table, rows):
        for numbers, cells in rows.chunks:
            table.rows.extend(zip(numbers, cells))
            state.report(0.4 * min(len(table.rows) / rows.expected, 1.0) if rows.expected else 0.0,
                         f"{numbers[-1]}行目を読んでいます")
    return table


def _locate(path, sheets, columns, what, state, header_scan_rows):
    """(the table without rows, its sheet, the rows after its header) of the first sheet whose
    header holds every required column; :class:`FileProblem` otherwise."""
    lookup: dict[str, ColumnSpec] = {}
    for spec in columns:
        for n in spec.names():
            lookup[n] = spec
    required = {c.key for c in columns if c.required}
    best: tuple[int, str, int, set[str]] | None = None  # (hits, sheet, row, found keys)
    sheet_names: list[str] = []
    try:
        for sheet in sheets:
            sheet_names.append(sheet.name)
            state.check()
            first_row, head = sheet.head(header_scan_rows)
            for index, cells in enumerate(head):
                found = {lookup[h].key for c in cells if not is_blank(c) and (h := normalize_header(c)) in lookup}
                hits = len(found & required)
                if best is None or hits > best[0]:
                    best = (hits, sheet.name, first_row + index, found)
                if required <= found:
                    table = _header_table(path, sheet.name, first_row + index, cells, lookup)
                    return table, sheet, sheet.rest(index + 1)
    except (FileProblem, Cancelled):
        raise
    except Exception as exc:
        raise _unreadable_sheet(path, exc) from None
    if not sheet_names:
        raise FileProblem(f"「{os.path.basename(path)}」にはシートがありません。", path)
    if best is None or best[0] == 0:
        raise FileProblem(
            f"「{os.path.basename(path)}」のどのシートにも{what}の見出し行が見つかりません"
            f"（必要な列：{'、'.join(c.header for c in columns if c.required)}）。",
            path,
        )
    missing = [c.header for c in columns if c.required and c.key not in best[3]]
    raise FileProblem(
        f"シート「{best[1]}」の{best[2]}行目が見出し行のようですが、必須の列がありません：{'、'.join(missing)}。",
        path,
    )


def _header_table(path, sheet_name, header_row, header_cells, lookup) -> Table:
    """The table whose header is ``header_cells``: which column holds which key, unknown columns
    (kept as extras, with a warning) and repeated ones (the first is used)."""
    columns: dict[str, int] = {}
    headers: dict[str, str] = {}
    extras: dict[int, str] = {}
    warnings: list[Issue] = []
    for idx, cell in enumerate(header_cells):
        if is_blank(cell):
            continue
        norm = normalize_header(cell)
        spec = lookup.get(norm)
        text = nfkc(cell)
        if spec is None:
            extras[idx] = text
            warnings.append(Issue(
                "未知の列です。追加属性として保存します", sheet_name, header_row, text, level="warning"))
        elif spec.key in columns:
            warnings.append(Issue(
                f"「{headers[spec.key]}」と同じ列が重複しています。最初の列を使います", sheet_name, header_row, text,
                level="warning"))
        else:
            columns[spec.key] = idx
            headers[spec.key] = text
    return Table(path, sheet_name, header_row, columns, headers, extras, [], warnings)


def _chunks(path, rows, first_row, used, first_col, max_rows, size, state):
    """Lists of up to ``size`` rows taken from ``rows`` (with their Excel row numbers, from
    ``first_row``), up to the table's end (see :func:`_ends_table`) or ``max_rows`` rows."""
    row_no = first_row
    while row_no - first_row < max_rows:
        state.check()
        try:
            chunk = list(itertools.islice(rows, min(size, max_rows - (row_no - first_row))))
            end = _table_end(chunk, used, first_col)
        except (FileProblem, Cancelled):
            raise
        except Exception as exc:
            raise _unreadable_sheet(path, exc) from None
        del chunk[end:]
        if chunk:
            yield range(row_no, row_no + len(chunk)), chunk
            row_no += len(chunk)
        if end < size:
            return


def _ends_table(cells, used: list[int], first_col: int) -> bool:
    """True when ``cells`` ends the table: blank in every used column, or a first cell (or the row's
    first cell in use, left of the table) reading 合計 / 計 / Total."""
    first = cells[first_col] if first_col < len(cells) else None
    # The checks below are the general ones, skipped when a cheaper test already settles them:
    # a row whose first column is not blank is not blank; only text can read 合計 / 計 / Total.
    first_blank = first is None or (type(first) is str and not first.strip()) or (
        type(first) is not str and is_blank(first))
    if (first_blank or first_col not in used) and all(is_blank(cells[i]) if i < len(cells) else True for i in used):
        return True
    lead = first if first_col == 0 and not first_blank else next((c for c in cells if not is_blank(c)), None)
    return bool((_may_end(first) or (lead is not first and _may_end(lead))) and (
        normalize_header(first) in _END_MARKERS or normalize_header(lead) in _END_MARKERS))


def _all_plain_text(cells: list) -> bool:
    """True when every cell is text, none blank, none reading 計 or a t once normalised (so none
    can end a table): checked on the cells joined with NUL, in a few passes at C speed. (A NUL in a
    cell, which only a hand-made file holds, can only make it say False: the rows are then tested
    one by one.)"""
    try:
        joined = "\x00".join(cells)
    except TypeError:
        return False
    if not joined:
        return False
    joined = nfkc_joined(joined)
    return not ("\x00\x00" in joined or joined[0] == "\x00" or joined[-1] == "\x00" or "計" in joined
                or "t" in joined or "T" in joined
                or (any(map(joined.__contains__, ASCII_BLANKS)) if joined.isascii() else _BLANK.search(joined)))


_BLANK = re.compile(r"\s")


def _table_end(rows: list[list], used: list[int], first_col: int) -> int:
    """The index of the first row of ``rows`` that ends the table (see :func:`_ends_table`), or
    ``len(rows)``. Rows whose first cell settles it cheaply (a number, or text with no 計, no t and
    nothing NFKC would change) are passed over column-wise; the others get the full test."""
    is_normalized = unicodedata.is_normalized
    try:
        firsts = list(map(itemgetter(first_col), rows))
    except IndexError:  # rows of different lengths (streamed): row by row
        return next((i for i, r in enumerate(rows) if _ends_table(r, used, first_col)), len(rows))
    if not first_col and _all_plain_text(firsts):
        return len(rows)
    candidates = [
        i for i, f in enumerate(firsts)
        if not ((type(f) is str and f and not f.isspace() and "t" not in f and "T" not in f
                 and (f.isascii() or ("計" not in f and is_normalized("NFKC", f))))
                or type(f) is float or type(f) is int)
    ]
    if first_col:  # a cell left of the table may read 合計
        candidates = sorted(set(candidates).union(i for i, r in enumerate(rows) if any(r[:first_col])))
    return next((i for i in candidates if _ends_table(rows[i], used, first_col)), len(rows))


def _may_end(value: object) -> bool:
    """False when ``value`` cannot read 合計 / 計 / Total once normalised (most cells: cheap to tell)."""
    if type(value) is not str:
        return value is not None and not isinstance(value, (int, float))  # str(number) is never a marker
    text = unicodedata.normalize("NFKC", value)
    return "計" in text or "t" in text.lower()


def cell(cells: list, index: int | None):
    """The raw value at ``index``, or None past the row's end."""
    if index is None or index >= len(cells):
        return None
    value = cells[index]
    return None if isinstance(value, str) and value == "" else value
