"""Reading an inventory workbook into typed :class:`SystemRecord` rows, every error at once."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

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
    table = find_table(path, INVENTORY_COLUMNS, what="システム一覧", state=state)
    state.report(0.4, "値を検証しています")
    return parse_table(table, state=state)


def parse_table(table: Table, *, state: TaskState = NULL_STATE) -> ImportResult:
    issues: list[Issue] = list(table.warnings)
    col = table.columns
    hdr = table.headers
    sheet = table.sheet
    records: list[SystemRecord] = []
    seen: dict[str, int] = {}
    link_cells: list[tuple[int, str, list[str]]] = []
    total = max(len(table.rows), 1)

    for n, (row_no, cells) in enumerate(table.rows):
        if n % 5000 == 0:
            state.report(0.4 + 0.5 * n / total, f"{n}/{total} 行を検証しています")
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
        values["tier"] = parse("tier", lambda v: parse_choice(v, _TIER_CHOICES, "系統"), "")
        values["servers"] = parse("servers", parse_count, 0)
        values["resident_core"] = parse("resident_core", parse_flag, False)
        values["budget_request"] = parse("budget_request", parse_flag, False)
        values["saas_candidate"] = nfkc(get("saas_candidate"))
        values["saas_fit"] = parse("saas_fit", lambda v: parse_choice(v, _FIT_CHOICES, "SaaS適合"), "未検討")
        values["cloud_blocker"] = nfkc(get("cloud_blocker"))
        values["next_renewal_fy"] = parse("next_renewal_fy", parse_fiscal_year, None)
        values["annual_cost"] = parse("annual_cost", parse_amount, None)
        values["migration_cost"] = parse("migration_cost", parse_amount, None)
        values["scale"] = parse("scale", lambda v: parse_choice(v, _SCALE_CHOICES, "規模"), "")
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
