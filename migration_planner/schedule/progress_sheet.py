"""The progress sheet (../shared/inventory-format.md, "The progress sheet"): read, validate, apply.

Found and read by the inventory's rules (:func:`~migration_planner.inventory.workbook.find_table`):
the first sheet whose header row holds 標準化対象業務 and 完了ステップ数 or 進捗率 — an inventory sheet
in the same workbook has 標準化対象業務 too, so a sheet must hold one of the two progress columns.
Every error is reported with sheet, row, column, value and reason; any error → nothing is written.
Steps count as completed in their order: 17.5 % → the first 7 of 40 are 完了済み, the rest 未着手.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass, field

from migration_planner.inventory.issues import FileProblem, ImportFailed, Issue
from migration_planner.inventory.workbook import ColumnSpec, Table, cell, check_xlsx, find_table
from migration_planner.schedule import catalog
from migration_planner.schedule.steps import DONE, N_STEPS, NOT_STARTED, steps_for_rate
from migration_planner.store import Plan
from migration_planner.tasks import NULL_STATE, TaskState
from migration_planner.values import ValueProblem, is_blank, nfkc, parse_date
from migration_planner.workloads import parse_workload_token, workload_label

WORKLOAD = ColumnSpec("workload", "標準化対象業務", ("業務", "業務名", "標準化業務"), required=True)
COMPLETED = ColumnSpec("completed_steps", "完了ステップ数", ("完了ステップ",))
RATE = ColumnSpec("progress_rate", "進捗率", ("進捗",))
AS_OF = ColumnSpec("as_of", "基準日", ("時点",))


def _required(spec: ColumnSpec) -> ColumnSpec:
    return ColumnSpec(spec.key, spec.header, spec.aliases, required=True)


@dataclass(slots=True)
class ProgressRow:
    code: str
    completed: int
    as_of: dt.date
    row: int


@dataclass(slots=True)
class ProgressImport:
    path: str
    sheet: str
    rows: list[ProgressRow]
    warnings: list[Issue] = field(default_factory=list)


def parse_completed(value: object) -> int:
    if isinstance(value, bool):
        raise ValueProblem("完了ステップ数は0〜40の整数で書いてください")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int):
        n = value
    else:
        text = nfkc(value).replace(" ", "")
        text = re.sub(r"(ステップ|step|件|/40)$", "", text, flags=re.IGNORECASE)
        if not text.isdigit():
            raise ValueProblem("完了ステップ数は0〜40の整数で書いてください")
        n = int(text)
    if not 0 <= n <= N_STEPS:
        raise ValueProblem("完了ステップ数は0〜40の整数で書いてください")
    return n


def parse_rate(value: object) -> float:
    """A progress rate as a fraction 0–1: a fraction (a percent-formatted cell), a percent number
    above 1 up to 100, or text such as ``17.5%`` / ``17.5％``."""
    if isinstance(value, bool):
        raise ValueProblem("進捗率として読めません")
    if isinstance(value, (int, float)):
        x = float(value)
        percent = x > 1
    else:
        text = nfkc(value).replace(" ", "").replace(",", "")
        percent = text.endswith("%")
        text = text.rstrip("%")
        try:
            x = float(text)
        except ValueError:
            raise ValueProblem("進捗率として読めません（例：0.175、17.5、17.5%）") from None
        percent = percent or x > 1
    if x != x or x < 0:
        raise ValueProblem("進捗率が負の値です" if x < 0 else "進捗率として読めません")
    rate = x / 100 if percent else x
    if rate > 1 + 1e-9:
        raise ValueProblem("進捗率が100%を超えています")
    return min(rate, 1.0)


def read_progress(path: str, *, today: dt.date | None = None, state: TaskState = NULL_STATE) -> ProgressImport:
    """Read and validate a progress sheet; raise :class:`ImportFailed` listing every error, or
    :class:`FileProblem` when the file is not a readable workbook or has no progress table."""
    check_xlsx(path)
    table = _find(path, state)
    today = today or dt.date.today()
    issues: list[Issue] = list(table.warnings)
    col, hdr, sheet = table.columns, table.headers, table.sheet
    rows: list[ProgressRow] = []
    seen: dict[str, int] = {}
    for row_no, cells in table.rows:
        raw_w = cell(cells, col.get("workload"))
        codes: tuple[str, ...] | None = None
        if is_blank(raw_w):
            issues.append(Issue("標準化対象業務が空欄です", sheet, row_no, hdr["workload"], ""))
        else:
            codes = parse_workload_token(nfkc(raw_w))
            if not codes:
                issues.append(Issue("標準化対象業務として読めません（例：1、6-a、住民基本台帳）", sheet, row_no,
                                    hdr["workload"], nfkc(raw_w)))
        completed: int | None = None
        raw_c = cell(cells, col.get("completed_steps"))
        raw_r = cell(cells, col.get("progress_rate"))
        if not is_blank(raw_c):
            try:
                completed = parse_completed(raw_c)
            except ValueProblem as exc:
                issues.append(Issue(str(exc), sheet, row_no, hdr["completed_steps"], nfkc(raw_c)))
        if not is_blank(raw_r):
            try:
                rate = parse_rate(raw_r)
                by_rate = steps_for_rate(rate)
                if abs(rate * N_STEPS - round(rate * N_STEPS)) > 1e-6:
                    issues.append(Issue(f"進捗率が2.5%刻みではありません。完了 {by_rate} ステップとして扱います",
                                        sheet, row_no, hdr["progress_rate"], nfkc(raw_r), level="warning"))
                if completed is not None and by_rate != completed:
                    issues.append(Issue(f"完了ステップ数（{completed}）と進捗率（{by_rate}ステップ分）が一致しません",
                                        sheet, row_no, hdr["progress_rate"], nfkc(raw_r)))
                completed = by_rate if completed is None else completed
            except ValueProblem as exc:
                issues.append(Issue(str(exc), sheet, row_no, hdr["progress_rate"], nfkc(raw_r)))
        elif is_blank(raw_c):
            which = hdr.get("completed_steps") or hdr.get("progress_rate")
            issues.append(Issue("完了ステップ数か進捗率のどちらかを書いてください", sheet, row_no, which, ""))
        as_of = today
        raw_d = cell(cells, col.get("as_of"))
        if not is_blank(raw_d):
            try:
                as_of = parse_date(raw_d)
            except ValueProblem as exc:
                issues.append(Issue(str(exc), sheet, row_no, hdr["as_of"], nfkc(raw_d)))
        if codes and completed is not None:
            for code in codes:
                if code in seen:
                    issues.append(Issue(f"{workload_label(code)} は {seen[code]}行 にもあります", sheet, row_no,
                                        hdr["workload"], nfkc(raw_w)))
                    continue
                seen[code] = row_no
                rows.append(ProgressRow(code, completed, as_of, row_no))
    if not table.rows:
        issues.append(Issue("進捗の行がありません", sheet, table.header_row + 1))
    if any(i.level == "error" for i in issues):
        raise ImportFailed(issues)
    return ProgressImport(path, sheet, rows, [i for i in issues if i.level == "warning"])


def _find(path: str, state: TaskState) -> Table:
    tries = ([WORKLOAD, _required(COMPLETED), RATE, AS_OF], [WORKLOAD, COMPLETED, _required(RATE), AS_OF])
    for specs in tries:
        try:
            return find_table(path, specs, what="進捗表", state=state)
        except FileProblem:
            continue
    raise FileProblem(
        f"「{os.path.basename(path)}」のどのシートにも進捗表の見出し行が見つかりません"
        "（必要な列：標準化対象業務、および 完了ステップ数 または 進捗率）。", path)


def progress_states(rows: list[ProgressRow]) -> dict[tuple[str, int], catalog.StepState]:
    """The step states a sheet's rows stand for: the first k steps 完了済み, the rest 未着手."""
    out = {}
    for r in rows:
        for n in range(1, N_STEPS + 1):
            out[(r.code, n)] = catalog.StepState(DONE if n <= r.completed else NOT_STARTED, r.as_of)
    return out


def apply_progress(plan: Plan, result: ProgressImport) -> dict[tuple[str, int], catalog.StepState | None]:
    """Write the sheet's progress in one transaction; return the previous states (for undo)."""
    new = progress_states(result.rows)
    old = catalog.raw_step_states(plan, sorted({c for c, _ in new}))
    catalog.set_step_statuses(plan, new)
    return old
