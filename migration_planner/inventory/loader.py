"""Reading an inventory workbook into typed :class:`SystemRecord` rows, every error at once."""

from __future__ import annotations

import datetime as dt
import gc
import unicodedata
from contextlib import contextmanager
from dataclasses import dataclass, field, fields

from migration_planner.inventory.contract import (
    INVENTORY_COLUMNS,
    SAAS_FITS,
    SCALES,
    TIERS,
    SystemRecord,
)
from migration_planner.inventory.issues import ImportFailed, Issue
from migration_planner.inventory.workbook import Table, cell, find_table
from migration_planner.tasks import NULL_STATE, TaskState
from migration_planner.values import (
    ValueProblem,
    is_blank,
    nfkc,
    parse_amount,
    parse_choice,
    parse_count,
    parse_fiscal_year,
    parse_flag,
    split_list,
    split_list_keeping,
)
from migration_planner.workloads import WORKLOAD_NAMES, parse_workload_token, sort_codes

_TIER_CHOICES = {t: t for t in TIERS} | {t + "システム": t for t in TIERS} | {
    "住民情報系": "住民情報系基幹", "内部情報系": "内部情報系基幹", "各局システム": "各局", "局": "各局"}
_FIT_CHOICES = {f: f for f in SAAS_FITS} | {"": "未検討", "○": "適合", "×": "不適合", "未": "未検討"}
_SCALE_CHOICES = {s: s for s in SCALES} | {"": ""} | {s + "規模": s for s in SCALES}
_KNOWN_WORKLOAD_NAMES = {n for n in WORKLOAD_NAMES if "・" in n}


@dataclass(slots=True)
class ImportResult:
    """What an inventory read produced: typed rows and the warnings that did not stop it."""

    path: str
    sheet: str
    header_row: int
    records: list[SystemRecord]
    warnings: list[Issue] = field(default_factory=list)


def _text(value: object) -> str:
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return nfkc(value)


def read_inventory(path: str, *, state: TaskState = NULL_STATE) -> ImportResult:
    """Read and validate ``path``; raise :class:`ImportFailed` listing every error, or
    :class:`~migration_planner.inventory.issues.FileProblem` when it is not a readable .xlsx."""
    state.report(0.02, "ファイルを確認しています")
    with _gc_paused():
        table = find_table(path, INVENTORY_COLUMNS, what="システム一覧", state=state)
        state.report(0.4, "値を検証しています")
        return parse_table(table, state=state)


@contextmanager
def _gc_paused():
    """Pause the cyclic garbage collector while millions of cells become objects.

    Reading creates a list per row and a record per system, none of them in a cycle; with the
    collector on, each batch of new objects triggers a pass over all the rows already read (about a
    fifth of the reading time at 100k rows). Only cyclic garbage waits for the next collection,
    and reading makes next to none.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


# ---------------------------------------------------------------- the fast path
#: A cell the fast path does not take (a blank required cell, a value of the wrong form…): its row
#: is read again by the general path, which reports every problem of the row in order.
_BAD = object()
_MISS = object()
_NORMALIZE = unicodedata.normalize


def _column_parser(parser, default, cache: dict, flagged: list, *, required: bool = False, keep: bool = True):
    """A function for the cells a column's cache missed: ``default`` for a blank cell (or
    :data:`_BAD` when ``required``), else ``parser(raw)``, or :data:`_BAD` when it raises
    :class:`ValueProblem` (noted in ``flagged``, so that clean columns need no second look).
    Results for text are kept in ``cache`` when ``keep``: inventory columns repeat a few
    spellings, and only text keys are kept, since ``1 == 1.0 == True`` as keys."""

    def parse(raw):
        if is_blank(raw):
            if required:
                flagged.append(raw)
                return _BAD
            return default
        try:
            value = parser(raw)
        except ValueProblem:
            flagged.append(raw)
            return _BAD
        if keep and type(raw) is str:
            cache[raw] = value
        return value

    return parse


def _cache_for(parser, default, flagged: list, required: bool, keep: bool, flags: bool = False):
    # Blank cells (None, or '' from calamine) are the commonest repeats of an optional column. For
    # flags, True/False as keys also answer 1/0/1.0/0.0, which parse_flag reads the same way.
    cache: dict = {} if required else {None: default, "": default}
    if flags:
        cache |= {True: True, False: False}
    return cache.get, _column_parser(parser, default, cache, flagged, required=required, keep=keep)


def _map_column(raw, parser, default, flagged: list, *, required: bool = False, keep: bool = True,
                flags: bool = False) -> list:
    """``raw`` parsed cell by cell; a distinct text value is parsed once."""
    get, miss = _cache_for(parser, default, flagged, required, keep, flags)
    return [c if (c := get(x, _MISS)) is not _MISS else miss(x) for x in raw]


def _nonnegative_int(raw, parser, default, flagged: list, *, required: bool = False, keep: bool = True) -> list:
    """Like :func:`_map_column` for counts and amounts: whole numbers ≥ 0 (what the parsers return
    as they are; calamine gives every number as a float) are taken without a call."""
    get, miss = _cache_for(parser, default, flagged, required, keep)
    return [x if type(x) is int and x >= 0 else int(x) if type(x) is float and x >= 0 and x.is_integer()
            else (c if (c := get(x, _MISS)) is not _MISS else miss(x)) for x in raw]


def _year_column(raw, flagged: list) -> list:
    """Fiscal years: whole numbers 1990–2100 (what :func:`parse_fiscal_year` returns as they are)
    are taken without a call."""
    get, miss = _cache_for(parse_fiscal_year, None, flagged, False, True)
    return [x if type(x) is int and 1990 <= x <= 2100
            else int(x) if type(x) is float and 1990 <= x <= 2100 and x.is_integer()
            else (c if (c := get(x, _MISS)) is not _MISS else miss(x)) for x in raw]


def _workload_codes(raw) -> tuple[str, ...]:
    codes: list[str] = []
    for token in split_list_keeping(raw, _KNOWN_WORKLOAD_NAMES):
        found = parse_workload_token(token)
        if found is None:
            raise ValueProblem("unknown workload")
        codes.extend(found)
    return tuple(sort_codes(codes))


def _links(raw) -> list[str]:
    return list(dict.fromkeys(split_list(raw)))


def _tier(v):
    return parse_choice(v, _TIER_CHOICES, "系統")


def _fit(v):
    return parse_choice(v, _FIT_CHOICES, "SaaS適合")


def _scale(v):
    return parse_choice(v, _SCALE_CHOICES, "規模")


#: SystemRecord is built positionally on the fast path; this is the order it expects.
_POSITIONAL = ("system_id", "name", "department", "tier", "servers", "workloads", "resident_core",
               "saas_candidate", "saas_fit", "cloud_blocker", "next_renewal_fy", "annual_cost", "migration_cost",
               "budget_request", "scale", "links_to", "vendor", "notes", "extra")
assert tuple(f.name for f in fields(SystemRecord)) == _POSITIONAL, "SystemRecord's fields changed: update loader"


def _fast_columns(table: Table, state: TaskState) -> tuple[list[list], set[int]] | None:
    """Every field parsed column by column (a list comprehension per column, distinct text values
    parsed once), and the indices of the rows with any cell the fast path did not take.

    Returns None when the table holds a value of a kind the fast path does not know (the caller
    then reads every row the general way)."""
    rows = table.rows
    n = len(rows)
    col = table.columns
    cells_list = [c for _, c in rows]
    width = max([*col.values(), *table.extras, -1]) + 1
    if n and min(map(len, cells_list)) < width:
        pad = [None] * width
        cells_list = [c if len(c) >= width else list(c) + pad[len(c):] for c in cells_list]
    blank_column = [None] * n
    # Transposed in one go (rows are at least ``width`` long now; zip stops at the shortest).
    by_index = list(zip(*cells_list))[:width] if n else [()] * width

    def column(key: str) -> list:
        i = col.get(key)
        return blank_column if i is None else by_index[i]

    flagged: list = []  # the cells the fast path did not take
    try:
        raw = column("system_id")
        sids = [_NORMALIZE("NFKC", x).strip() if type(x) is str else nfkc(x) for x in raw]
        raw = column("name")
        names = [_NORMALIZE("NFKC", x).strip() if type(x) is str else nfkc(x) for x in raw]
        state.report(0.5, "システムIDと名称を検証しています")
        depts = _map_column(column("department"), nfkc, "", flagged, required=True)
        tiers = _map_column(column("tier"), _tier, "", flagged, required=True)
        servers = _nonnegative_int(column("servers"), parse_count, 0, flagged, required=True)
        state.report(0.6, "値を検証しています")
        workloads = _map_column(column("workloads"), _workload_codes, (), flagged)
        resident = _map_column(column("resident_core"), parse_flag, False, flagged, flags=True)
        budget = _map_column(column("budget_request"), parse_flag, False, flagged, flags=True)
        saas = _map_column(column("saas_candidate"), nfkc, "", flagged)
        fits = _map_column(column("saas_fit"), _fit, "未検討", flagged)
        blockers = _map_column(column("cloud_blocker"), nfkc, "", flagged)
        state.report(0.7, "年度と金額を検証しています")
        years = _year_column(column("next_renewal_fy"), flagged)
        annual = _nonnegative_int(column("annual_cost"), parse_amount, None, flagged, keep=False)
        migration = _nonnegative_int(column("migration_cost"), parse_amount, None, flagged, keep=False)
        scales = _map_column(column("scale"), _scale, "", flagged)
        links = [[] if x is None or x == "" else _links(x) for x in column("links_to")]
        vendors = _map_column(column("vendor"), nfkc, "", flagged)
        notes = _map_column(column("notes"), nfkc, "", flagged)
    except TypeError:  # an unhashable cell value: not from calamine or openpyxl
        return None
    state.report(0.8, "値を検証しています")

    bad: set[int] = set()
    if flagged:
        for values in (depts, tiers, servers, workloads, resident, budget, fits, years, annual, migration, scales):
            bad.update(i for i, v in enumerate(values) if v is _BAD)
    for values in (sids, names):  # blank (an error) or '' after NFKC: the general path decides
        if "" in values:
            bad.update(i for i, v in enumerate(values) if v == "")
    extras = table.extras
    extra = [
        {header: _text(cells[idx]) for idx, header in extras.items() if not is_blank(cells[idx])}
        for cells in cells_list
    ] if extras else [{} for _ in range(n)]
    workload_lists = [list(t) if t is not _BAD else t for t in workloads]
    return [sids, names, depts, tiers, servers, workload_lists, resident, saas, fits, blockers, years, annual,
            migration, budget, scales, links, vendors, notes, extra], bad


def parse_table(table: Table, *, state: TaskState = NULL_STATE) -> ImportResult:
    """Type and validate ``table``'s rows; raise :class:`ImportFailed` listing every error.

    A fast path parses the table column by column; every row where it found a problem (and every
    row after a duplicate ID) is read again by the general path, row by row, which reports each
    problem with its row and column in the order a planner reads them.
    """
    issues: list[Issue] = list(table.warnings)
    col = table.columns
    hdr = table.headers
    sheet = table.sheet
    records: list[SystemRecord] = []
    seen: dict[str, int] = {}
    link_cells: list[tuple[int, str, list[str]]] = []
    total = max(len(table.rows), 1)

    def slow_row(row_no: int, cells: list) -> None:
        row_errors = 0

        def err(key: str, raw: object, message: str) -> None:
            nonlocal row_errors
            row_errors += 1
            issues.append(Issue(message, sheet, row_no, hdr.get(key, key), _text(raw)))

        def get(key: str):
            return cell(cells, col.get(key))

        def parse(key: str, parser, default):
            raw = get(key)
            if is_blank(raw):
                return default
            try:
                return parser(raw)
            except ValueProblem as exc:
                err(key, raw, str(exc))
                return default

        values: dict = {}
        for key in ("system_id", "name", "department", "tier", "servers"):
            if is_blank(get(key)):
                err(key, "", "必須の項目が空欄です")
        values["system_id"] = nfkc(get("system_id"))
        values["name"] = nfkc(get("name"))
        values["department"] = nfkc(get("department"))
        values["tier"] = parse("tier", _tier, "")
        values["servers"] = parse("servers", parse_count, 0)
        values["resident_core"] = parse("resident_core", parse_flag, False)
        values["budget_request"] = parse("budget_request", parse_flag, False)
        values["saas_candidate"] = nfkc(get("saas_candidate"))
        values["saas_fit"] = parse("saas_fit", _fit, "未検討")
        values["cloud_blocker"] = nfkc(get("cloud_blocker"))
        values["next_renewal_fy"] = parse("next_renewal_fy", parse_fiscal_year, None)
        values["annual_cost"] = parse("annual_cost", parse_amount, None)
        values["migration_cost"] = parse("migration_cost", parse_amount, None)
        values["scale"] = parse("scale", _scale, "")
        values["vendor"] = nfkc(get("vendor"))
        values["notes"] = nfkc(get("notes"))

        codes: list[str] = []
        raw_workloads = get("workloads")
        for token in split_list_keeping(raw_workloads, _KNOWN_WORKLOAD_NAMES):
            found = parse_workload_token(token)
            if found is None:
                err("workloads", token, "標準化対象業務のコードまたは名称として読めません（例：1、6-a、20-b、住民基本台帳）")
            else:
                codes.extend(found)
        values["workloads"] = sort_codes(codes)

        links = list(dict.fromkeys(split_list(get("links_to"))))
        values["links_to"] = links
        values["extra"] = {
            header: _text(cells[idx]) for idx, header in table.extras.items()
            if idx < len(cells) and not is_blank(cells[idx])
        }

        sid = values["system_id"]
        if sid:
            if sid in seen:
                err("system_id", sid, f"システムIDが重複しています（{seen[sid]}行と同じ）")
            else:
                seen[sid] = row_no
        if links:
            link_cells.append((row_no, sid, links))
        if row_errors == 0:
            records.append(SystemRecord(**values))

    fast = _fast_columns(table, state)
    if fast is None:
        for n, (row_no, cells) in enumerate(table.rows):
            if n % 5000 == 0:
                state.report(0.4 + 0.5 * n / total, f"{n}/{total} 行を検証しています")
            slow_row(row_no, cells)
    else:
        columns, bad = fast
        sids, links = columns[0], columns[15]
        row_nos = [row_no for row_no, _ in table.rows]
        if not bad and len(seen := dict(zip(sids, row_nos))) == len(sids):
            # Every row valid and every ID unique: the records in one go.
            records = list(map(SystemRecord, *columns))
            link_cells = [(row_no, sid, ls) for row_no, sid, ls in zip(row_nos, sids, links) if ls]
        else:
            seen = {}
            for i, (row_no, cells) in enumerate(table.rows):
                if i % 5000 == 0:
                    state.report(0.8 + 0.1 * i / total, f"{i}/{total} 行を検証しています")
                sid = sids[i]
                if i in bad or sid in seen:
                    slow_row(row_no, cells)
                    continue
                seen[sid] = row_no
                if links[i]:
                    link_cells.append((row_no, sid, links[i]))
                records.append(SystemRecord(*(c[i] for c in columns)))

    for row_no, sid, links in link_cells:
        for target in links:
            if target not in seen:
                issues.append(Issue("連携先のシステムIDが表にありません", sheet, row_no, table.headers.get("links_to", "連携先システムID"), target))
            elif target == sid:
                issues.append(Issue("自分自身を連携先にしています", sheet, row_no, table.headers.get("links_to", "連携先システムID"), target))

    if not table.rows:
        issues.append(Issue("見出し行の下にデータ行がありません", sheet, table.header_row))
    if any(i.level == "error" for i in issues):
        raise ImportFailed(issues)
    state.report(0.9, "検証が終わりました")
    return ImportResult(table.path, sheet, table.header_row, records, issues)
