"""The export's tables as plain rows: one definition serves the workbook and the CSV files.

A :class:`Table` is a sheet name, a title, typed columns and rows of Python values (str, int,
float, date, datetime or None). Flags (``"late"``, ``"override"``, ``"review"``) mark rows the
workbook highlights. :func:`gantt_rows` gives the migration schedule as bars by phase.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from migration_planner.export.data import ExportData
from migration_planner.placement import DESTINATION_LABELS, fy_label, migration_window
from migration_planner.values import fiscal_year_of
from migration_planner.workloads import BY_CODE, workload_label

SHEET_GANTT = "移行スケジュール"
SHEET_PLACEMENT = "振り分け結果"
SHEET_SCHEDULE = "標準化スケジュール"
SHEET_SUBSIDY = "補助金試算"
SHEET_EDGES = "依存関係"
SHEET_ABOUT = "説明"
SHEETS = (SHEET_GANTT, SHEET_PLACEMENT, SHEET_SCHEDULE, SHEET_SUBSIDY, SHEET_EDGES, SHEET_ABOUT)

MARK = "○"


@dataclass(slots=True)
class Column:
    header: str
    width: float
    #: text, plain (a number as it is: a year, a step), int (#,##0), sen (千円), date, datetime, pct
    kind: str = "text"


@dataclass(slots=True)
class Table:
    sheet: str
    title: str
    columns: list[Column]
    rows: list[list]
    flags: list[str | None] | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def headers(self) -> list[str]:
        return [c.header for c in self.columns]


def _naive(at: dt.datetime | None) -> dt.datetime | None:
    """Local wall time without a zone (a spreadsheet has none)."""
    if at is None:
        return None
    if at.tzinfo is not None:
        at = at.astimezone().replace(tzinfo=None)
    return at.replace(microsecond=0)


# ---------------------------------------------------------------- 振り分け結果
PLACEMENT_COLUMNS = [
    Column("システムID", 12), Column("システム名", 30), Column("所管所属", 14), Column("系統", 13),
    Column("移行先", 17), Column("判定ステップ", 7, "plain"), Column("判定理由", 95), Column("注意", 14),
    Column("自動判定の移行先", 17), Column("手動設定", 7), Column("手動設定の理由", 34), Column("設定者", 11),
    Column("設定日時", 16, "datetime"), Column("要確認", 7), Column("次期更新年度", 9, "plain"),
    Column("移行時期", 34),
]


class _WindowLabels(dict):
    """Renewal year → 「準備 … ・移行 …」 (a few distinct years among many systems: build each once)."""

    def __missing__(self, fy: int | None) -> str:
        window = migration_window(fy)
        text = self[fy] = window.label() if window else "次期更新年度 未記入"
        return text


def placement_table(data: ExportData) -> Table:
    """Every system: destination in force (Japanese), deciding step, reasons, override with who and when."""
    labels = DESTINATION_LABELS
    rows, flags = [], []
    windows = _WindowLabels()
    for c in data.classified:
        ov = c.override
        rows.append([
            c.system_id, c.name, c.department, c.tier, labels[c.destination], c.step,
            " / ".join(c.reasons), c.caveat or None, labels[c.automatic_destination],
            MARK if c.overridden else None,
            ov.reason if ov else None, ov.user if ov else None, _naive(ov.at) if ov else None,
            MARK if c.needs_review else None, c.next_renewal_fy, windows[c.next_renewal_fy],
        ])
        flags.append("review" if c.needs_review else "override" if c.overridden else None)
    counts = defaultdict(int)
    for c in data.classified:
        counts[c.destination] += 1
    summary = "・".join(f"{label} {counts[d]}" for d, label in labels.items())
    return Table(SHEET_PLACEMENT, "振り分け結果（移行先と判定理由）", PLACEMENT_COLUMNS, rows, flags, [
        f"{len(rows)} システム：{summary}。判定の順序：①標準化対象業務・住民基本系 → ガバメントクラウド、"
        "②SaaS候補 → SaaS、③クラウド化阻害要因なし → 大阪市共通クラウド、④それ以外 → オンプレミス（最初に該当したもの）。",
        "移行先は手動設定があればその移行先。判定ステップと判定理由は自動判定のもの。黄色＝手動設定、橙＝入力が変わり要確認。",
    ])


# ---------------------------------------------------------------- 標準化スケジュール
SCHEDULE_COLUMNS = [
    Column("業務コード", 7), Column("業務名", 24), Column("システム", 28), Column("保守事業者", 20),
    Column("開始", 11, "date"), Column("完了（稼働）", 11, "date"), Column("余裕（営業日）令和7年度末まで", 11, "int"),
    Column("余裕（営業日）延長期限まで", 11, "int"), Column("進捗率", 8, "pct"), Column("期限内の確率", 9, "pct"),
    Column("延長期限内の確率", 9, "pct"), Column("完了P50", 11, "date"), Column("完了P80", 11, "date"),
    Column("状況", 10), Column("クリティカル", 8), Column("同時に切り替える業務", 16), Column("遅れの要因", 40),
]


def schedule_table(data: ExportData) -> Table:
    s = data.schedule
    notes = [
        f"基準日 {data.as_of:%Y/%m/%d} から残りの手順を計画（営業日：土日・祝日・12/29〜1/3を除く）。"
        f"期限 {data.deadline:%Y/%m/%d}（令和7年度末）、延長期限 {data.extended_deadline:%Y/%m/%d}（特定移行支援システム、概ね5年以内）。",
        "余裕が負の業務は期限に遅れる（赤の行）。進捗率＝（完了済み＋対象外）÷40手順。確率はモンテカルロ法"
        + (f"（{s.samples}回、乱数の種 {s.seed}）。" if s is not None and s.samples else "（試行なし：計画どおりなら100%／0%）。"),
    ]
    if s is None:
        return Table(SHEET_SCHEDULE, "標準化スケジュール（20業務）", SCHEDULE_COLUMNS, [], [],
                     notes + [n for n in data.notes if "工程表" in n])
    rows, flags = [], []
    for w in s.workloads:
        rows.append([
            w.code, w.name, "・".join(w.system_names), "・".join(w.vendors) or None, w.start, w.finish,
            w.slack_days, w.slack_extended_days, w.progress, w.p_on_time, w.p_extended, w.p50, w.p80,
            w.status, MARK if w.critical else None, "・".join(w.bundle) if len(w.bundle) > 1 else None,
            "、".join(w.causes) if w.status == "期限超過" and w.causes else None,
        ])
        flags.append("late" if w.status == "期限超過" else None)
    if s.critical_path:
        notes.append("クリティカルパス：" + " → ".join(workload_label(c) for c in s.critical_path))
    return Table(SHEET_SCHEDULE, "標準化スケジュール（20業務）", SCHEDULE_COLUMNS, rows, flags, notes)


# ---------------------------------------------------------------- 依存関係
EDGE_COLUMNS = [
    Column("区分", 10), Column("提供元", 12), Column("提供元の名称", 30), Column("利用先", 12),
    Column("利用先の名称", 30), Column("意味", 44),
]


def edges_table(data: ExportData) -> Table:
    rows: list[list] = []
    for p, c in data.edges:
        rows.append(["業務間", p, BY_CODE[p].name if p in BY_CODE else p, c, BY_CODE[c].name if c in BY_CODE else c,
                     "利用先は提供元より早く切り替えない（データ連携）"])
    names = {r.system_id: r.name for r in data.records}
    for r in data.records:
        for other in r.links_to:
            rows.append(["システム間", r.system_id, r.name, other, names.get(other, "（プランにないシステム）"),
                         "連携先システムID（システム一覧の記載）"])
    return Table(SHEET_EDGES, "依存関係（データ連携）", EDGE_COLUMNS, rows, None, [
        f"業務間 {len(data.edges)} 本：既定は domain.md §2 の想定（公式の連携マトリクスは非公開）で、プランで編集できます。"
        "システム間はシステム一覧の「連携先システムID」です。",
    ])


# ---------------------------------------------------------------- 移行スケジュール (Gantt)
@dataclass(frozen=True, slots=True)
class Phase:
    key: str
    label: str
    colour: str      # fill, RRGGBB
    symbol: str      # printed in the cell, for black-and-white printers
    text: str = "FFFFFF"


PHASES: dict[str, Phase] = {p.key: p for p in (
    Phase("planning", "計画立案（手順①〜⑫）", "9DC3E6", "計", "1F3864"),
    Phase("migration", "移行作業（手順⑬〜⑰）", "2E75B6", "移"),
    Phase("cutover", "切替・運用開始（手順⑱）", "C00000", "切"),
    Phase("prepare", "システム：準備（予算・調達）", "C5E0B4", "準", "385723"),
    Phase("move", "システム：移行（更新年度）", "548235", "更"),
)}
#: Later phases win where two fall in one month.
PHASE_ORDER = ("prepare", "move", "planning", "migration", "cutover")


@dataclass(slots=True)
class GanttRow:
    kind: str                         # 業務 / システム
    key: str
    name: str
    info: str                         # status or destination
    start: dt.date | None
    finish: dt.date | None
    bars: list[tuple[str, dt.date, dt.date]]   # (phase key, first day, last day)
    late: bool = False


def _workload_rows(data: ExportData) -> list[GanttRow]:
    s = data.schedule
    if s is None:
        return []
    spans: dict[str, dict[str, list[dt.date]]] = defaultdict(dict)
    for t in s.tasks:
        key = "cutover" if t.step == 40 else "planning" if t.phase == "計画立案" else "migration"
        span = spans[t.workload].get(key)
        if span is None:
            spans[t.workload][key] = [t.start, t.finish]
        else:
            span[0] = min(span[0], t.start)
            span[1] = max(span[1], t.finish)
    rows = []
    for w in s.workloads:
        bars = [(k, a, b) for k, (a, b) in sorted(spans.get(w.code, {}).items(), key=lambda kv: PHASE_ORDER.index(kv[0]))]
        info = w.status + ("・クリティカル" if w.critical else "")
        rows.append(GanttRow("業務", w.code, w.name, info, w.start, w.finish, bars, w.status == "期限超過"))
    return rows


def _system_rows(data: ExportData) -> list[GanttRow]:
    deadline_fy = fiscal_year_of(data.deadline)
    workloads_of = {r.system_id: r.workloads for r in data.records}
    late_codes = {w.code for w in data.schedule.workloads if w.status == "期限超過"} if data.schedule else set()
    rows = []
    labels = DESTINATION_LABELS
    windows: dict[int | None, object] = {}
    for c in data.classified:
        fy = c.next_renewal_fy
        w = windows[fy] if fy in windows else windows.setdefault(fy, migration_window(fy))
        if w is None:
            rows.append(GanttRow("システム", c.system_id, c.name, labels[c.destination], None, None, []))
            continue
        start, finish = dt.date(w.prepare_fy, 4, 1), dt.date(w.migrate_fy + 1, 3, 31)
        bars = [("prepare", start, dt.date(w.prepare_fy + 1, 3, 31)), ("move", dt.date(w.migrate_fy, 4, 1), finish)]
        codes = workloads_of.get(c.system_id) or ()
        # A standardization system is late when its window ends after the deadline or the
        # schedule finishes one of its workloads after it.
        late = bool(codes) and (w.migrate_fy > deadline_fy or any(code in late_codes for code in codes))
        rows.append(GanttRow("システム", c.system_id, c.name, labels[c.destination], start, finish, bars, late))
    return rows


def gantt_rows(data: ExportData) -> list[GanttRow]:
    """A row per workload (from the schedule's tasks) and per system migration (from placement)."""
    return _workload_rows(data) + _system_rows(data)


def month_range(rows: list[GanttRow], as_of: dt.date, extended: dt.date) -> tuple[int, int]:
    """First and last fiscal year of the month columns: from the year before the as-of date (or the
    earliest bar, at most three years back) to the extended deadline (or the latest bar, at most
    twelve years ahead)."""
    now = fiscal_year_of(as_of)
    starts = [fiscal_year_of(b[1]) for r in rows for b in r.bars]
    ends = [fiscal_year_of(b[2]) for r in rows for b in r.bars]
    first = max(now - 3, min([now - 1] + starts))
    last = min(now + 12, max([fiscal_year_of(extended)] + ends))
    return first, max(last, first)


def gantt_table(data: ExportData, rows: list[GanttRow] | None = None) -> Table:
    """The schedule as a flat table for CSV: one line per bar."""
    rows = gantt_rows(data) if rows is None else rows
    out = []
    for r in rows:
        if not r.bars:
            out.append([r.kind, r.key, r.name, r.info, None, None, None, MARK if r.late else None])
        for key, a, b in r.bars:
            out.append([r.kind, r.key, r.name, r.info, PHASES[key].label, a, b, MARK if r.late else None])
    cols = [Column("区分", 8), Column("コード・ID", 12), Column("名称", 30), Column("状況・移行先", 16),
            Column("工程", 26), Column("開始", 11, "date"), Column("終了", 11, "date"), Column("期限超過", 8)]
    return Table(SHEET_GANTT, "移行スケジュール", cols, out)


def fiscal_header(fy: int) -> str:
    """「令和7年度 / FY2025」."""
    era = f"令和{fy - 2018}年度" if fy >= 2019 else f"平成{fy - 1988}年度"
    return f"{era} / FY{fy}"


__all__ = [
    "Column", "GanttRow", "MARK", "PHASES", "PHASE_ORDER", "Phase", "SHEETS", "SHEET_ABOUT", "SHEET_EDGES",
    "SHEET_GANTT", "SHEET_PLACEMENT", "SHEET_SCHEDULE", "SHEET_SUBSIDY", "Table", "edges_table", "fiscal_header",
    "fy_label", "gantt_rows", "gantt_table", "month_range", "placement_table", "schedule_table",
]
