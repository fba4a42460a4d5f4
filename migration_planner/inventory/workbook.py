"""Safe, fast reading of a table out of an .xlsx workbook.

The file is checked before any XML is parsed: it must be a zip (not an old .xls, an encrypted
workbook, a CSV or an empty file), its declared sizes must stay within bounds (zip bombs), and its
XML parts may not declare a DTD (entity bombs). Cells are read with python-calamine, which returns
formulas' cached values; openpyxl in read-only mode (with defusedxml installed) is the fallback.
"""

from __future__ import annotations

import os
import re
import unicodedata
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from migration_planner.inventory.issues import FileProblem, Issue
from migration_planner.tasks import NULL_STATE, Cancelled, TaskState
from migration_planner.values import is_blank, nfkc

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


@dataclass(frozen=True, slots=True)
class ColumnSpec:
    key: str
    header: str
    aliases: tuple[str, ...] = ()
    required: bool = False

    def names(self) -> set[str]:
        return {normalize_header(n) for n in (self.header, *self.aliases)}


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


def _iter_sheets(path: str) -> Iterator[tuple[str, Callable[[], Iterator[list]]]]:
    """(sheet name, row iterator factory) for each worksheet; calamine first, openpyxl as fallback."""
    try:
        from python_calamine import CalamineWorkbook

        wb = CalamineWorkbook.from_path(path)
        for name in wb.sheet_names:
            def rows(name=name):
                sheet = wb.get_sheet_by_name(name)
                if sheet.start is None:
                    return iter(())
                offset = sheet.start[1]
                # iter_rows yields absolute rows (0 = Excel row 1), columns from the used range's first.
                # Rows come as fresh lists: no copy needed unless they must be shifted.
                return ([None] * offset + list(r) if offset else r if type(r) is list else list(r)
                        for r in sheet.iter_rows())
            yield name, rows
        return
    except FileProblem:
        raise
    except Exception as exc:  # calamine's errors: PasswordError, ZipError, XmlError, CalamineError …
        kind = type(exc).__name__
        if kind == "PasswordError":
            raise FileProblem(f"「{os.path.basename(path)}」はパスワードで保護されています。", path) from None
        fast_error = exc
    try:
        import openpyxl

        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception:
        raise FileProblem(
            f"「{os.path.basename(path)}」をExcelブックとして読めません（{type(fast_error).__name__}）。"
            "Excelで開いて保存し直してから取り込んでください。",
            path,
        ) from None
    for ws in wb.worksheets:
        yield ws.title, lambda ws=ws: (list(r) for r in ws.iter_rows(values_only=True))


_END_MARKERS = {"合計", "計", "total"}


def find_table(
    path: str,
    columns: list[ColumnSpec],
    *,
    what: str = "表",
    state: TaskState = NULL_STATE,
    header_scan_rows: int = 50,
    max_rows: int = 1_048_576,
) -> Table:
    """Find the first sheet whose header row holds every required column and read its rows.

    Raises :class:`FileProblem` when no sheet has the header; the message names what is missing.
    """
    check_xlsx(path)
    lookup: dict[str, ColumnSpec] = {}
    for spec in columns:
        for n in spec.names():
            lookup[n] = spec
    required = {c.key for c in columns if c.required}
    best: tuple[int, str, int, set[str]] | None = None  # (hits, sheet, row, found keys)
    sheet_names: list[str] = []

    try:
        for sheet_name, make_rows in _iter_sheets(path):
            sheet_names.append(sheet_name)
            state.check()
            it = make_rows()
            scanned = 0
            for index, cells in enumerate(it):
                scanned += 1
                if scanned > header_scan_rows:
                    break
                found = {lookup[normalize_header(c)].key for c in cells if not is_blank(c) and normalize_header(c) in lookup}
                hits = len(found & required)
                if best is None or hits > best[0]:
                    best = (hits, sheet_name, index + 1, found)
                if required <= found:
                    return _read_body(path, sheet_name, index + 1, cells, it, lookup, state, max_rows)
    except (FileProblem, Cancelled):
        raise
    except Exception as exc:
        # A sheet is loaded (calamine) or parsed (openpyxl) lazily, so a damaged sheet XML, a member
        # larger than its declared size, etc. surface here: still a message, never a traceback.
        raise FileProblem(
            f"「{os.path.basename(path)}」のシートを読めません（{type(exc).__name__}）。"
            "ファイルが壊れている可能性があります。Excelで開いて保存し直してから取り込んでください。",
            path,
        ) from None
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


def _read_body(path, sheet_name, header_row, header_cells, it, lookup, state, max_rows) -> Table:
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
    table = Table(path, sheet_name, header_row, columns, headers, extras, [], warnings)
    used = sorted(set(columns.values()) | set(extras))
    first_col = min(columns.values()) if columns else 0
    row_no = header_row
    first_used = first_col in used
    append = table.rows.append
    for cells in it:
        row_no += 1
        if row_no - header_row > max_rows:
            break
        if row_no % 2000 == 0:
            state.report(0.0, f"{row_no}行目を読んでいます")
        first = cells[first_col] if first_col < len(cells) else None
        # The checks below are the general ones, skipped when a cheaper test already settles them:
        # a row whose first column is not blank is not blank; only text can read 合計 / 計 / Total.
        first_blank = first is None or (type(first) is str and not first.strip()) or (
            type(first) is not str and is_blank(first))
        if (first_blank or not first_used) and all(is_blank(cells[i]) if i < len(cells) else True for i in used):
            break
        lead = first if first_col == 0 and not first_blank else next((c for c in cells if not is_blank(c)), None)
        if (_may_end(first) or (lead is not first and _may_end(lead))) and (
                normalize_header(first) in _END_MARKERS or normalize_header(lead) in _END_MARKERS):
            break
        append((row_no, cells))
    return table


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
