"""Reading an inventory workbook into typed :class:`SystemRecord` rows, every error at once."""

from __future__ import annotations

import datetime as dt
import gc
from dataclasses import dataclass, field, fields
from itertools import chain
from operator import contains

from migration_planner.inventory.contract import (
    INVENTORY_COLUMNS,
    SAAS_FITS,
    SCALES,
    TIERS,
    SystemRecord,
)
from migration_planner.inventory.issues import ImportFailed, Issue
from migration_planner.inventory.workbook import Table, cell, open_table
from migration_planner.tasks import NULL_STATE, TaskState, gc_paused
from migration_planner.values import (
    ValueProblem,
    is_blank,
    nfkc,
    nfkc_texts,
    parse_amount,
    parse_choice,
    parse_count,
    parse_fiscal_year,
    parse_flag,
    plain_amounts,
    split_list,
    split_list_keeping,
    split_lists,
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


def read_inventory(path: str, *, state: TaskState = NULL_STATE, stream: bool | None = None) -> ImportResult:
    """Read and validate ``path``; raise :class:`ImportFailed` listing every error, or
    :class:`~migration_planner.inventory.issues.FileProblem` when it is not a readable .xlsx.

    The rows are typed as they are read, a chunk at a time (see :data:`CHUNK_ROWS`). ``stream``
    forces the streamed reading of every sheet (True) for tests; None decides per sheet."""
    state.report(0.02, "ファイルを確認しています")
    with gc_paused(), open_table(path, INVENTORY_COLUMNS, what="システム一覧", state=state, stream=stream) as (
            table, rows):
        state.report(0.05, "値を検証しています")
        result = _parse_chunks(table, rows.chunks, rows.expected, state)
        _young_made_old()
        return result


def _young_made_old() -> None:
    """Every object the cyclic collector counts as young moved to its oldest generation, without a
    pass over them: what a read has just built (the records, their lists) lives on, and with the
    collector paused meanwhile, the first allocation after the read would otherwise run a pass of
    the young generation over all of it (~60 ms for 100k records, on whichever thread allocates
    next: in the window, the GUI thread). They would reach the oldest generation after two such
    passes anyway; ``gc.freeze()`` then ``gc.unfreeze()`` put them there at once (both O(1), the
    documented way back from the permanent generation is into the oldest one). Cyclic garbage
    other threads made meanwhile waits for the next full collection instead. Skipped when
    something else has frozen objects (``unfreeze`` would release them too)."""
    if gc.get_freeze_count() == 0:
        gc.freeze()
        gc.unfreeze()




# ---------------------------------------------------------------- the fast path
#: A cell the fast path does not take (a blank required cell, a value of the wrong form…): its row
#: is read again by the general path, which reports every problem of the row in order.
_BAD = object()


class _Parsed(dict):
    """A column's parsed values by raw cell value: ``column[raw]`` parses a value the first time
    it is seen (:meth:`__missing__`) and looks it up after. Inventory columns repeat a few
    spellings (departments, tiers, flags, years), so most cells cost one dict lookup.

    ``True == 1 == 1.0`` as keys, and a count reads 1.0 but not TRUE: unless ``bools_as_numbers``
    (flags read TRUE as 1), neither a boolean nor a number equal to 0 or 1 is kept, so that one is
    never taken for the other (they are parsed each time they occur)."""

    __slots__ = ("parse", "default", "flagged", "required", "bools_as_numbers")

    def __init__(self, parse, default, flagged: list, required: bool, bools_as_numbers: bool = False) -> None:
        super().__init__()
        self.parse, self.default, self.flagged, self.required = parse, default, flagged, required
        self.bools_as_numbers = bools_as_numbers
        if not required:  # blank cells: None from openpyxl, '' from calamine
            self[None] = self[""] = default

    def __missing__(self, raw):
        if is_blank(raw):
            value = self.default
            if self.required:
                value = _BAD
                self.flagged.append(raw)
        else:
            try:
                value = self.parse(raw)
            except ValueProblem:
                value = _BAD
                self.flagged.append(raw)
        if type(raw) is str or self.bools_as_numbers or not (raw == 0 or raw == 1):
            self[raw] = value
        return value


class _Texts(_Parsed):
    """A text column that repeats a few values (departments, vendors): each distinct text is
    normalised once and the records share it, so 100k records hold a few dozen strings, not 100k
    (a fifth of the time to free them). A column that turns out to hold mostly new values is read
    as :func:`nfkc_texts` reads it from then on (``repeats`` false)."""

    __slots__ = ("repeats",)

    def __init__(self, flagged: list, required: bool = False) -> None:
        super().__init__(nfkc, "", flagged, required)
        self.repeats = True

    def column(self, raw) -> list:
        if not self.repeats:
            return nfkc_texts(raw)
        before = len(self)
        values = list(map(self.__getitem__, raw))
        if len(self) - before > len(raw) // 4 and len(self) > 256:
            self.repeats = False
            self.clear()
        return values


class _Parsers:
    """The parsed values of a table's columns, kept from one chunk of rows to the next.

    ``flagged`` lists the cells the fast path did not take: while it is empty, no chunk needs a
    second look for :data:`_BAD` (a value is only ever kept as _BAD after being flagged)."""

    def __init__(self) -> None:
        flagged: list = []
        self.flagged = flagged
        self.tier = _Parsed(_tier, "", flagged, True)
        self.servers = _Parsed(parse_count, 0, flagged, True)
        self.workloads = _Parsed(_workload_codes, (), flagged, False)
        self.flag = _Parsed(parse_flag, False, flagged, False, bools_as_numbers=True)
        self.fit = _Parsed(_fit, "未検討", flagged, False)
        self.year = _Parsed(parse_fiscal_year, None, flagged, False)
        self.amount = _Parsed(parse_amount, None, flagged, False)
        self.scale = _Parsed(_scale, "", flagged, False)
        self.department = _Texts(flagged, required=True)
        self.saas = _Texts(flagged)
        self.blocker = _Texts(flagged)
        self.vendor = _Texts(flagged)


def _parse_column(raw, parsed: _Parsed) -> list:
    """``raw`` parsed cell by cell (:class:`_Parsed`): its default for a blank cell (or
    :data:`_BAD` when the column is required), :data:`_BAD` where its parser raises
    :class:`ValueProblem` (noted in ``flagged``, so that clean columns need no second look)."""
    return list(map(parsed.__getitem__, raw))


def _amount_column(raw, parsed: _Parsed) -> list:
    """Amounts: numbers ≥ 0 rounded as :func:`parse_amount` rounds them (calamine gives every
    number as a float; ``round`` gives an int, and raises only for infinity, which parse_amount
    refuses), other cells parsed; text in the commonest forms (``1,234``, ``１，２３４千円``) all at
    once beforehand. Amounts rarely repeat, so numbers are not kept in a dict."""
    texts = [x for x in raw if type(x) is str and x not in parsed]
    if texts:
        parsed.update(plain_amounts(texts))
    try:
        return [round(x) if type(x) is float and x >= 0.0 else x if type(x) is int and x >= 0 else parsed[x]
                for x in raw]
    except OverflowError:  # an infinite number (a hand-made file)
        return [parsed[x] if type(x) is float and x == _INFINITY else round(x) if type(x) is float and x >= 0.0
                else x if type(x) is int and x >= 0 else parsed[x] for x in raw]


_INFINITY = float("inf")


def _workload_codes(raw) -> tuple[str, ...]:
    codes: list[str] = []
    for token in split_list_keeping(raw, _KNOWN_WORKLOAD_NAMES):
        found = parse_workload_token(token)
        if found is None:
            raise ValueProblem("unknown workload")
        codes.extend(found)
    return tuple(sort_codes(codes))


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


def _fast_columns(table: Table, cells_list: list[list], parsers: _Parsers) -> tuple[list[list], set[int]] | None:
    """Every field parsed column by column (text columns normalised in one pass each, repeated
    values parsed once), and the indices of the rows with any cell the fast path did not take.

    Returns None when the table holds a value of a kind the fast path does not know (the caller
    then reads every row the general way)."""
    n = len(cells_list)
    col = table.columns
    width = max([*col.values(), *table.extras, -1]) + 1
    if n and min(map(len, cells_list)) < width:  # streamed rows end at their last cell
        pad = [None] * width
        cells_list = [c if len(c) >= width else list(c) + pad[len(c):] for c in cells_list]
    # Transposed in one go (rows are at least ``width`` long now; zip stops at the shortest).
    by_index = list(zip(*cells_list))[:width] if n else [()] * width
    blank_column = [None] * n

    def column(key: str):
        i = col.get(key)
        return blank_column if i is None else by_index[i]

    p = parsers
    try:
        sids = nfkc_texts(column("system_id"))
        names = nfkc_texts(column("name"))
        depts = p.department.column(column("department"))
        tiers = _parse_column(column("tier"), p.tier)
        servers = _parse_column(column("servers"), p.servers)
        workloads = _parse_column(column("workloads"), p.workloads)
        resident = _parse_column(column("resident_core"), p.flag)
        budget = _parse_column(column("budget_request"), p.flag)
        saas = p.saas.column(column("saas_candidate"))
        fits = _parse_column(column("saas_fit"), p.fit)
        blockers = p.blocker.column(column("cloud_blocker"))
        years = _parse_column(column("next_renewal_fy"), p.year)
        annual = _amount_column(column("annual_cost"), p.amount)
        migration = _amount_column(column("migration_cost"), p.amount)
        scales = _parse_column(column("scale"), p.scale)
        links = split_lists(column("links_to"), unique=True)
        vendors = p.vendor.column(column("vendor"))
        notes = nfkc_texts(column("notes"))
    except TypeError:  # an unhashable cell value: not from calamine or openpyxl
        return None

    bad: set[int] = set()
    flagged = p.flagged
    if flagged:
        for values in (depts, tiers, servers, workloads, resident, budget, fits, years, annual, migration, scales):
            bad.update(i for i, v in enumerate(values) if v is _BAD)
    for values in (sids, names, depts):  # blank (an error) or '' after NFKC: the general path decides
        if not all(values):
            bad.update(i for i, v in enumerate(values) if v == "")
    extras = table.extras
    extra = [
        {header: _text(cells[idx]) for idx, header in extras.items() if not is_blank(cells[idx])}
        for cells in cells_list
    ] if extras else [{} for _ in range(n)]
    workload_lists = [list(t) if t is not _BAD else t for t in workloads] if flagged else list(map(list, workloads))
    return [sids, names, depts, tiers, servers, workload_lists, resident, saas, fits, blockers, years, annual,
            migration, budget, scales, links, vendors, notes, extra], bad


def parse_table(table: Table, *, state: TaskState = NULL_STATE) -> ImportResult:
    """Type and validate ``table``'s rows (:attr:`Table.rows`); raise :class:`ImportFailed` listing
    every error."""
    numbers = [row_no for row_no, _ in table.rows]
    cells = [c for _, c in table.rows]
    return _parse_chunks(table, iter([(numbers, cells)] if cells else []), len(cells), state)


def _parse_chunks(table: Table, chunks, expected: int | None, state: TaskState) -> ImportResult:
    """Type and validate the rows of ``table`` given by ``chunks`` ((Excel row numbers, cells of
    each row) in order); raise :class:`ImportFailed` listing every error.

    A fast path parses each chunk column by column; every row where it found a problem (and every
    row repeating an earlier ID) is read again by the general path, row by row, which reports each
    problem with its row and column in the order a planner reads them.
    """
    issues: list[Issue] = list(table.warnings)
    col = table.columns
    hdr = table.headers
    sheet = table.sheet
    records: list[SystemRecord] = []
    seen: dict[str, int] = {}
    #: The links read: a tuple (row numbers, IDs, links) for a chunk read whole, a list of
    #: (row number, ID, links) for one read row by row.
    link_parts: list[tuple | list] = []
    link_cells: list[tuple[int, str, list[str]]] = []  # the general path's rows with links

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

    # The IDs of chunks read whole wait in ``pending`` until ``seen`` is needed (a row to read the
    # general way, or a duplicate among them): then they join it all at once, which is cheaper than
    # a chunk at a time. An ID seen before (a duplicate) is then reported at its row as the general
    # path would (such a row is valid but for that, so the error is its only one) and the import
    # fails: its record, kept meanwhile, is never used. When every row is read whole (the commonest
    # case), ``seen`` (with the rows' numbers, for messages) is never built: the IDs are gathered in
    # a set at the end (cheaper than a chunk at a time) and, unless one repeats, the links are
    # checked against it; whether a row names itself is found a chunk at a time, while its cells are
    # still in the processor's caches.
    pending: list[tuple] = []
    row_by_row = False  # some chunk was read (partly) the general way: ``seen`` is the reference
    self_link = False  # some row of a chunk read whole names itself among its links
    id_header = hdr.get("system_id", "system_id")

    def add_pending() -> None:
        ids = list(chain.from_iterable(part[1] for part in pending))
        if not seen:  # the commonest case (no row read the general way): straight in, if all are new
            seen.update(zip(ids, chain.from_iterable(part[0] for part in pending)))
            if len(seen) == len(ids):
                pending.clear()
                return
            seen.clear()
        new = dict(zip(ids, chain.from_iterable(part[0] for part in pending)))
        if len(new) == len(ids) and seen.keys().isdisjoint(new.keys()):
            seen.update(new)
        else:
            for numbers, sids in pending:
                for row_no, sid in zip(numbers, sids):
                    if sid in seen:
                        issues.append(Issue(f"システムIDが重複しています（{seen[sid]}行と同じ）", sheet, row_no, id_header, sid))
                    else:
                        seen[sid] = row_no
        pending.clear()

    n_rows = 0
    parsers = _Parsers()
    for numbers, cells_list in chunks:
        n_rows += len(cells_list)
        if expected:
            state.report(0.05 + 0.85 * min(n_rows / expected, 1.0), f"{n_rows}/{expected} 行を検証しています")
        fast = _fast_columns(table, cells_list, parsers)
        if fast is None or fast[1]:
            add_pending()
            row_by_row = True
        if fast is None:
            for row_no, cells in zip(numbers, cells_list):
                slow_row(row_no, cells)
            link_parts.append(link_cells)
            link_cells = []
            continue
        columns, bad = fast
        sids, links = columns[0], columns[15]
        if not bad:  # every row valid: the chunk's records in one go
            records.extend(map(SystemRecord, *columns))
            link_parts.append((numbers, sids, links))
            pending.append((numbers, sids))
            self_link = self_link or any(map(contains, links, sids))
            continue
        for i, row_no in enumerate(numbers):
            sid = sids[i]
            if i in bad or sid in seen:
                slow_row(row_no, cells_list[i])
                continue
            seen[sid] = row_no
            if links[i]:
                link_cells.append((row_no, sid, links[i]))
            records.append(SystemRecord(*(c[i] for c in columns)))
        link_parts.append(link_cells)
        link_cells = []

    fast_ids = set() if row_by_row else set(chain.from_iterable(part[1] for part in pending))
    if row_by_row or len(fast_ids) != sum(len(part[1]) for part in pending):  # (add_pending reports a repeated ID)
        add_pending()
        known = seen.keys()
        targets_known = known >= set(chain.from_iterable(chain.from_iterable(
            part[2] for part in link_parts if type(part) is tuple))) and not any(
            part for part in link_parts if type(part) is list)  # (the general path's rows: one by one)
    else:
        known = fast_ids
        targets_known = fast_ids.issuperset(chain.from_iterable(chain.from_iterable(part[2] for part in link_parts)))
    # Links to check one by one only when some name no system or their own.
    if self_link or not targets_known:
        header = hdr.get("links_to", "連携先システムID")
        for part in link_parts:
            for row_no, sid, links in (zip(*part) if type(part) is tuple else part):
                for target in links:
                    if target not in known:
                        issues.append(Issue("連携先のシステムIDが表にありません", sheet, row_no, header, target))
                    elif target == sid:
                        issues.append(Issue("自分自身を連携先にしています", sheet, row_no, header, target))

    if not n_rows:
        issues.append(Issue("見出し行の下にデータ行がありません", sheet, table.header_row))
    if any(i.level == "error" for i in issues):
        raise ImportFailed(issues)
    state.report(0.9, "検証が終わりました")
    return ImportResult(table.path, sheet, table.header_row, records, issues)
