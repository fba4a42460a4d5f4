"""The 補助金試算 sheet: every scenario's assumptions as input cells and its results as live formulas.

A colleague changes an assumption (the cap, the escalation, the months of delay, a workload's
cost…) and Excel recomputes the shortfall. The formulas are the cost model's arithmetic as the
subsidy package docstring writes it (``migration_planner/subsidy/__init__.py``), to the yen:

* money cells hold 千円 (yen / 1000, so a workload's share may carry three decimals); each formula
  converts to whole yen with ``ROUND(x*1000,0)``, does the integer arithmetic in a form whose
  every intermediate product stays below 2^53 for municipal budgets (exact in floating point), and
  divides by 1000 again;
* percentages, the multiplier and months are used in hundredths (``ROUND(x*100,0)``), as the model
  rounds them; the export writes them already rounded to two decimals;
* ``ROUND`` is half away from zero in Excel, as in the model.

Layout (``baseline`` in column B, the other scenarios in C, D, …): rows of assumptions, rows of
results (the shortfall's row is labelled 不足額 in column A), then for each scenario a block of
the 22 workloads (their share of the systems' costs and the schedule's lateness are inputs too),
a block of the related systems (ineligible work), and the split by fiscal year: three grids
(eligible cost spread over the ``spread_years`` years up to each finish year, side-by-side running
month by month past the deadline, related work spread up to the finish of the workloads it is
linked with) and a table by year in which the remaining cap is drawn in year order, with a check
cell that says whether the years shown cover the totals. What is not live: which systems count as
related work and how a system's cost is shared among its workloads (set them in the program, or
edit the block's inputs directly).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from openpyxl.utils import get_column_letter

from migration_planner.export.data import ExportData, ScenarioData
from migration_planner.export.xlsx import Formula
from migration_planner.subsidy.model import FIGURE_LABELS, hundredths
from migration_planner.subsidy.params import DEADLINE_FY, DELAY_SOURCES, SHARE_RULES
from migration_planner.workloads import BY_CODE, WORKLOAD_CODES, workload_label

SHORTFALL_LABEL = "不足額"

#: (key, label, kind) of the assumption rows; kind picks the number format and the conversion.
PARAM_ROWS: tuple[tuple[str, str, str], ...] = (
    ("cap", "補助上限額（千円）", "sen"),
    ("committed", "計上済み額（令和3〜4年度予算）（千円）", "sen"),
    ("escalation_pct", "移行経費の上振れ率（%）", "dec"),
    ("running_multiplier", "ガバメントクラウド移行後の運用経費倍率（倍）", "dec"),
    ("delay_months", "遅延月数（か月）", "dec"),
    ("related_share_pct", "関連システム移行経費の計上率（%）", "dec"),
    ("related_extra", "追加の関連作業費（千円）", "sen"),
    ("spread_years", "移行経費を配分する年数（年）", "int"),
    ("parallel_rule", "遅れた月の並行運用で追加になる経費", "text"),
    ("share_rule", "システム経費の業務への配分ルール", "text"),
    ("related_rule", "関連作業（補助対象外）とするシステム", "text"),
    ("delay_source", "遅れの基準", "text"),
    ("slipping", "遅延月数を加える業務", "text"),
)
PARAM_NOTES = {
    "cap": "人口規模で一律に決まる上限（本市は約18.6億円）",
    "committed": "令和3〜4年度予算で計上済みの額",
    "escalation_pct": "移行経費見込に上乗せする割合",
    "running_multiplier": "中核市の2025年平均は2.3倍（最大5.7倍）",
    "delay_months": "下の内訳で「遅延月数を加える」が1の業務に加算",
    "related_share_pct": "補助対象外の関連システム移行経費のうち計上する割合",
    "related_extra": "その他の関連作業費（補助対象外）",
    "spread_years": "移行経費を完了年度までの何年度に分けて支払うか（年度別の内訳に使う）",
    "parallel_rule": "「旧システム」（現行の運用経費、既定）・「新環境」（現行 × 倍率）・「新旧両方」（現行 × (1 + 倍率)）のいずれか",
    "share_rule": "業務別の移行経費・運用経費（下の内訳の入力値）の按分方法",
    "related_rule": "下の「関連作業」に並ぶシステムの選び方（連携先＝標準化対象システムと連携する対象外システム）",
    "delay_source": "工程表の遅れ（下の内訳の入力値）を使うか",
    "slipping": "下の内訳の「遅延月数を加える」列の初期値",
}
#: The parallel-running rules as the sheet's input cell holds them; the formulas test the cell for these.
PARALLEL_SHORT = {"old": "旧システム", "new": "新環境", "both": "新旧両方"}


def parallel_h(P: dict[str, str]) -> str:
    """Hundredths of a workload's running cost today that a late year costs, by the rule cell
    (package docstring step 5); any other text counts as 「旧システム」, the default."""
    mult = f"ROUND({P['running_multiplier']}*100,0)"
    rule = P["parallel_rule"]
    return f'IF({rule}="{PARALLEL_SHORT["new"]}",{mult},IF({rule}="{PARALLEL_SHORT["both"]}",100+{mult},100))'


#: Short forms of the related-work rules (the long ones are in ``subsidy.params.RELATED_RULES``).
RELATED_SHORT = {"linked": "連携先のシステム", "listed": "指定したシステムのみ", "none": "計上しない"}
RESULT_ROWS: tuple[tuple[str, str], ...] = (
    ("remaining_cap", FIGURE_LABELS["remaining_cap"]),
    ("eligible_cost", FIGURE_LABELS["eligible_cost"]),
    ("ineligible_cost", FIGURE_LABELS["ineligible_cost"]),
    ("subsidy_covered", FIGURE_LABELS["subsidy_covered"]),
    ("extra_running_cost", FIGURE_LABELS["extra_running_cost"]),
    ("shortfall", SHORTFALL_LABEL),
    ("running_cost_today", FIGURE_LABELS["running_cost_today"]),
    ("running_cost_after", FIGURE_LABELS["running_cost_after"]),
)
RESULT_NOTES = {
    "remaining_cap": "補助上限額 − 計上済み額",
    "eligible_cost": "業務別の補助対象経費の合計（標準化20業務のみが補助対象）",
    "ineligible_cost": "関連作業の補助対象外経費の合計 ＋ 追加の関連作業費",
    "subsidy_covered": "補助対象経費と上限残額（0未満は0）の小さい方",
    "extra_running_cost": "遅れた月数だけ新旧システムを並行して払う額の合計",
    "shortfall": "不足額（市の負担）＝ 補助対象経費 − 補助で賄える額 ＋ 補助対象外経費 ＋ 並行運用の追加経費",
    "running_cost_today": "参考：標準化対象システムの現行の年間運用経費",
    "running_cost_after": "参考：現行 × 倍率（不足額には含めない）",
}
WORKLOAD_HEADERS = (
    "業務コード", "業務名", "移行経費（千円）", "年間運用経費（千円）", "工程表の遅れ（か月）",
    "遅延月数を加える（1＝はい）", "遅れ（か月）", "補助対象経費（千円）", "完了年度", "並行運用の追加経費（千円）",
    "移行後の年間運用経費（千円）",
)
RELATED_HEADERS = ("システムID", "システム名", "移行経費見込（千円）", "連携する業務", "補助対象外経費（千円）")
DETAIL_WIDTHS = (11, 30, 14, 14, 12, 12, 10, 14, 9, 14, 14)


@dataclass(slots=True)
class Cell:
    value: object
    style: str = ""          # a key excel.py maps to a style id


@dataclass(slots=True)
class SubsidyLayout:
    rows: list[list[Cell | None]]
    n_scenarios: int
    #: scenario name → {figure key: "B24", …}: where each result formula sits.
    result_cells: dict[str, dict[str, str]] = field(default_factory=dict)
    #: scenario name → {param key: "B6", …}: the input cells.
    param_cells: dict[str, dict[str, str]] = field(default_factory=dict)
    #: The core's figures in yen, for checks: scenario → figure key → yen.
    expected: dict[str, dict[str, int]] = field(default_factory=dict)
    header_row: int = 4
    n_years: int = 0
    #: scenario → fiscal year → {component: cell} of the by-year table (components as in
    #: ``FiscalYearResult``: eligible_cost, subsidy_covered, ineligible_cost, extra_running_cost,
    #: shortfall); plus ``"check"`` → the cell that says whether the years cover the totals.
    year_cells: dict[str, dict] = field(default_factory=dict)
    #: Row number → height in points (rows whose headers wrap onto two lines).
    heights: dict[int, float] = field(default_factory=dict)

    @property
    def note_column(self) -> int:
        return 2 + self.n_scenarios


def sen(yen: int) -> float | int:
    """Yen as 千円 (an int when it is whole thousands)."""
    return yen // 1000 if yen % 1000 == 0 else yen / 1000


def param_value(sd: ScenarioData, key: str, kind: str):
    p = sd.params
    v = getattr(p, key)
    if kind == "sen":
        return sen(int(v))
    if kind == "dec":
        return hundredths(v) / 100
    if kind == "int":
        return int(v)
    if key == "share_rule":
        return SHARE_RULES.get(v, v)
    if key == "related_rule":
        return RELATED_SHORT.get(v, v)
    if key == "parallel_rule":
        return PARALLEL_SHORT.get(v, v)
    if key == "delay_source":
        return DELAY_SOURCES.get(v, v)
    if key == "slipping":
        return "全業務" if v is None else ("、".join(v) if v else "なし")
    return str(v)


def build(data: ExportData) -> SubsidyLayout:
    scenarios = data.scenarios
    n = len(scenarios)
    cols = [get_column_letter(2 + i) for i in range(n)]
    rows: list[list[Cell | None]] = []

    def row(*cells: Cell | None) -> int:
        rows.append(list(cells))
        return len(rows)

    def wide(label: Cell, per: list[Cell], note: str | None = None) -> int:
        cells: list[Cell | None] = [label] + per
        if note:
            cells += [Cell(note, "note")]
        return row(*cells)

    layout = SubsidyLayout(rows, n)
    row(Cell("補助金試算（デジタル基盤改革支援補助金の不足額）　単位：千円", "title"))
    row(Cell("水色のセルは前提（入力）です。値を変えると白いセルの数式が再計算され、不足額が変わります。"
             "業務別・関連作業の内訳の水色のセルも入力です。", "note"))
    row(Cell("計算は補助金モジュールと同じ（1円単位で丸め、ROUNDは四捨五入）。ベースラインはB列、ほかのシナリオはC列以降。", "note"))
    header = wide(Cell("項目", "header"), [Cell(sd.name, "header") for sd in scenarios], "説明")
    rows[header - 1][-1] = Cell("説明", "header")
    layout.header_row = header

    row(Cell("前提（入力）", "section"))
    param_row: dict[str, int] = {}
    for key, label, kind in PARAM_ROWS:
        style = {"sen": "in_sen", "dec": "in_dec", "int": "in_int", "text": "in_text"}[kind]
        r = wide(Cell(label, "label"), [Cell(param_value(sd, key, kind), style) for sd in scenarios],
                 PARAM_NOTES.get(key))
        param_row[key] = r
    for sd, c in zip(scenarios, cols):
        layout.param_cells[sd.name] = {k: f"{c}{r}" for k, r in param_row.items()}

    row(Cell("結果（数式）", "section"))
    result_row: dict[str, int] = {}
    for key, _label in RESULT_ROWS:
        result_row[key] = len(rows) + 1
        row(None)  # filled below, once the blocks' rows are known
    row()

    # ---- per-scenario blocks
    years = year_range(scenarios)
    layout.n_years = len(years)
    totals: list[dict[str, int]] = []
    for sd, c in zip(scenarios, cols):
        P = {k: f"${c}${r}" for k, r in param_row.items()}
        res = sd.result
        row(Cell(f"【{sd.name}】業務別の内訳（単位：千円）", "subtitle"))
        layout.heights[row(*[Cell(h, "header") for h in WORKLOAD_HEADERS])] = 30
        first = len(rows) + 1
        late = sd.schedule_late or {}
        wrow: dict[str, int] = {}
        for code in WORKLOAD_CODES:
            w = res.by_workload[code]
            r = len(rows) + 1
            wrow[code] = r
            G = f"ROUND(G{r}*100,0)"
            ann = f"ROUND(D{r}*1000,0)"
            mult = f"ROUND({P['running_multiplier']}*100,0)"
            par = parallel_h(P)
            row(
                Cell(code, "text"), Cell(BY_CODE[code].name, "text"),
                Cell(sen(w.migration_cost), "in_sen"), Cell(sen(w.running_cost_today), "in_sen"),
                Cell(hundredths(late.get(code, 0.0)) / 100 if late else 0, "in_dec"),
                Cell(1 if sd.params.slips(code) else 0, "in_int"),
                Cell(Formula(f"=MAX(0,ROUND(E{r}*100,0)+IF(F{r}=1,ROUND({P['delay_months']}*100,0),0))/100"), "f_dec"),
                Cell(Formula(f"=ROUND(ROUND(C{r}*1000,0)*(10000+ROUND({P['escalation_pct']}*100,0))/10000,0)/1000"), "f_sen"),
                Cell(Formula(f"={DEADLINE_FY}+ROUNDUP({G}/1200,0)"), "f_int"),
                Cell(Formula(f"=(INT({G}/1200)*ROUND({ann}*{par}/100,0)"
                             f"+ROUND({ann}*{par}*MOD({G},1200)/120000,0))/1000"), "f_sen"),
                Cell(Formula(f"=ROUND({ann}*{mult}/100,0)/1000"), "f_sen"),
            )
        last = len(rows)
        tot = row(Cell("合計", "total_label"), Cell(None, "total_label"),
                  Cell(Formula(f"=SUM(C{first}:C{last})"), "total"), Cell(Formula(f"=SUM(D{first}:D{last})"), "total"),
                  Cell(None, "total"), Cell(None, "total"), Cell(None, "total"),
                  Cell(Formula(f"=SUM(H{first}:H{last})"), "total"), Cell(None, "total"),
                  Cell(Formula(f"=SUM(J{first}:J{last})"), "total"), Cell(Formula(f"=SUM(K{first}:K{last})"), "total"))
        row()
        row(Cell(f"【{sd.name}】関連作業（補助対象外）", "subtitle"))
        layout.heights[row(*[Cell(h, "header") for h in RELATED_HEADERS])] = 30
        rfirst = len(rows) + 1
        rrow: list[tuple[int, tuple[str, ...]]] = []
        for rel in res.related:
            r = len(rows) + 1
            rrow.append((r, rel.linked_workloads))
            row(Cell(rel.system_id, "text"), Cell(rel.name, "text"), Cell(sen(rel.migration_cost), "in_sen"),
                Cell("、".join(workload_label(c) for c in rel.linked_workloads) or "（指定）", "text"),
                Cell(Formula(f"=ROUND(C{r}*ROUND({P['related_share_pct']}*100,0)"
                             f"*(10000+ROUND({P['escalation_pct']}*100,0))/100000,0)/1000"), "f_sen"))
        rlast = len(rows)
        if rlast >= rfirst:
            rtot = row(Cell("合計", "total_label"), Cell(None, "total_label"),
                       Cell(Formula(f"=SUM(C{rfirst}:C{rlast})"), "total"), Cell(None, "total"),
                       Cell(Formula(f"=SUM(E{rfirst}:E{rlast})"), "total"))
        else:
            row(Cell("（関連作業に数えるシステムはありません）", "note"))
            rtot = row(Cell("合計", "total_label"), Cell(None, "total_label"), Cell(0, "total"), Cell(None, "total"),
                       Cell(0, "total"))
        row()
        totals.append({"workloads": tot, "related": rtot})
        layout.year_cells[sd.name] = _by_year(row, layout, sd, P, years, wrow, first, last, rrow,
                                              f"{c}{result_row['remaining_cap']}", f"{c}{result_row['shortfall']}")

    # ---- the results, now that the blocks' totals are placed
    for key, label in RESULT_ROWS:
        r = result_row[key]
        per = []
        for c, t in zip(cols, totals):
            W, R = t["workloads"], t["related"]
            f = {
                "remaining_cap": f"={c}{param_row['cap']}-{c}{param_row['committed']}",
                "eligible_cost": f"=$H${W}",
                "ineligible_cost": f"=$E${R}+{c}{param_row['related_extra']}",
                "subsidy_covered": f"=MIN({c}{result_row['eligible_cost']},MAX(0,{c}{result_row['remaining_cap']}))",
                "extra_running_cost": f"=$J${W}",
                "shortfall": (f"={c}{result_row['eligible_cost']}-{c}{result_row['subsidy_covered']}"
                              f"+{c}{result_row['ineligible_cost']}+{c}{result_row['extra_running_cost']}"),
                "running_cost_today": f"=$D${W}",
                "running_cost_after": f"=$K${W}",
            }[key]
            per.append(Cell(Formula(f), "result_total" if key == "shortfall" else "result"))
        style = "shortfall_label" if key == "shortfall" else "label"
        rows[r - 1] = [Cell(label, style)] + per + [Cell(RESULT_NOTES[key], "note")]
    for sd, c in zip(scenarios, cols):
        layout.result_cells[sd.name] = {k: f"{c}{r}" for k, r in result_row.items()}
        layout.expected[sd.name] = {k: getattr(sd.result, k) for k, _ in RESULT_ROWS}
    return layout


YEAR_MARGIN = 2


def year_range(scenarios: list[ScenarioData]) -> list[int]:
    """The fiscal years of the by-year tables: from the first year any scenario spends in (its
    spread before the deadline year) to two years after the last finish, so that a colleague can
    add some delay without running off the table (a check cell says when the years do not cover
    the totals)."""
    first = min((DEADLINE_FY - s.params.spread_years + 1 for s in scenarios), default=DEADLINE_FY)
    last = max((w.finish_fy for s in scenarios for w in s.result.by_workload.values()), default=DEADLINE_FY)
    for s in scenarios:
        first = min([first] + list(s.result.by_fiscal_year))
        last = max([last] + list(s.result.by_fiscal_year))
    return list(range(first, last + YEAR_MARGIN + 1))


def _by_year(row, layout: SubsidyLayout, sd: ScenarioData, P: dict[str, str], years: list[int],
             wrow: dict[str, int], first: int, last: int, rrow: list[tuple[int, tuple[str, ...]]],
             remaining: str, shortfall: str) -> dict:
    """The by-year grids and table of one scenario (see the module docstring). Returns its cells."""
    ycols = [get_column_letter(3 + k) for k in range(len(years))]
    N = f"ROUND({P['spread_years']},0)"
    par = parallel_h(P)
    name = sd.name

    def spread(x: str, fin: str, hdr: int, col: str) -> str:
        """Amount ``x`` (yen) finishing in ``fin``, its share in the year of column ``col``."""
        y = f"{col}${hdr}"
        return (f"=IF(AND({y}>={fin}-{N}+1,{y}<{fin}),INT({x}/{N}),"
                f"IF({y}={fin},{x}-({N}-1)*INT({x}/{N}),0))/1000")

    def header(first_cells: list[Cell]) -> int:
        r = row(*first_cells, *[Cell(y, "year_header") for y in years])
        layout.heights[r] = 30
        return r

    def totals_row(a: int, b: int) -> int:
        return row(Cell("合計", "total_label"), Cell(None, "total_label"),
                   *[Cell(Formula(f"=SUM({c}{a}:{c}{b})"), "total") for c in ycols])

    # A. eligible cost, spread over the years before its finish
    row(Cell(f"【{name}】年度別の計算：補助対象経費の配分（千円）", "subtitle"))
    hdr = header([Cell("業務コード", "header"), Cell("業務名", "header")])
    a0 = hdr + 1
    for code in WORKLOAD_CODES:
        r = wrow[code]
        row(Cell(code, "text"), Cell(BY_CODE[code].name, "text"),
            *[Cell(Formula(spread(f"ROUND($H${r}*1000,0)", f"$I${r}", hdr, c)), "f_sen") for c in ycols])
    elig_tot = totals_row(a0, hdr + len(WORKLOAD_CODES))
    row()

    # B. side-by-side running, month by month past the deadline
    row(Cell(f"【{name}】年度別の計算：並行運用の追加経費（千円）", "subtitle"))
    hdr = header([Cell("業務コード", "header"), Cell("業務名", "header")])
    b0 = hdr + 1
    for code in WORKLOAD_CODES:
        r = wrow[code]
        cells = []
        for c in ycols:
            y = f"{c}${hdr}"
            cells.append(Cell(Formula(
                f"=IF({y}<={DEADLINE_FY},0,ROUND(ROUND($D${r}*1000,0)*{par}"
                f"*MIN(1200,MAX(0,ROUND($G${r}*100,0)-1200*({y}-{DEADLINE_FY + 1})))/120000,0)/1000)"), "f_sen"))
        row(Cell(code, "text"), Cell(BY_CODE[code].name, "text"), *cells)
    extra_tot = totals_row(b0, hdr + len(WORKLOAD_CODES))
    row()

    # C. related work, finishing with the workloads it is linked with (else with the last of them)
    row(Cell(f"【{name}】年度別の計算：補助対象外経費（関連作業）の配分（千円）", "subtitle"))
    hdr = header([Cell("システムID", "header"), Cell("完了年度", "header")])
    c0 = hdr + 1
    last_all = f"MAX({DEADLINE_FY},$I${first}:$I${last})"
    for r, codes in rrow:
        fin = "MAX(" + ",".join(f"$I${wrow[c]}" for c in codes) + ")" if codes else last_all
        rr = len(layout.rows) + 1
        row(Cell(Formula(f"=$A${r}"), "f_text"), Cell(Formula(f"={fin}"), "f_int"),
            *[Cell(Formula(spread(f"ROUND($E${r}*1000,0)", f"$B${rr}", hdr, c)), "f_sen") for c in ycols])
    rr = len(layout.rows) + 1
    row(Cell("追加の関連作業費", "text"), Cell(Formula(f"={last_all}"), "f_int"),
        *[Cell(Formula(spread(f"ROUND({P['related_extra']}*1000,0)", f"$B${rr}", hdr, c)), "f_sen") for c in ycols])
    inel_tot = totals_row(c0, rr)
    row()

    # The table: by fiscal year, the remaining cap drawn in year order.
    row(Cell(f"【{name}】年度別の市の負担（千円）", "subtitle"))
    t_hdr = row(*[Cell(h, "header") for h in ("年度", "補助対象経費", "補助で賄える額", "補助対象外経費（関連作業）",
                                               "並行運用の追加経費", "市の負担")])
    layout.heights[t_hdr] = 30
    out: dict = {}
    t0 = t_hdr + 1
    for k, (y, c) in enumerate(zip(years, ycols)):
        r = t0 + k
        earlier = f"-SUM(C{t0}:C{r - 1})" if k else ""
        row(Cell(y, "year"), Cell(Formula(f"={c}{elig_tot}"), "f_sen"),
            Cell(Formula(f"=MIN(B{r},MAX(0,{remaining}){earlier})"), "f_sen"),
            Cell(Formula(f"={c}{inel_tot}"), "f_sen"), Cell(Formula(f"={c}{extra_tot}"), "f_sen"),
            Cell(Formula(f"=B{r}-C{r}+D{r}+E{r}"), "result"))
        out[y] = {"eligible_cost": f"B{r}", "subsidy_covered": f"C{r}", "ineligible_cost": f"D{r}",
                  "extra_running_cost": f"E{r}", "shortfall": f"F{r}"}
    t1 = t0 + len(years) - 1
    tot = row(Cell("合計", "total_label"), *[Cell(Formula(f"=SUM({c}{t0}:{c}{t1})"), "total") for c in "BCDEF"])
    check = (f'=IF(ROUND(F{tot}-{shortfall},3)=0,"一致",'
             '"不一致：年度の範囲外に金額があります（年度の見出しの年を変えてください）")')
    out["check"] = f"B{row(Cell('検算（年度別の合計＝不足額）', 'label'), Cell(Formula(check), 'f_text'))}"
    row()
    return out


def widths(n_scenarios: int, n_years: int = 0) -> list[float]:
    """Column widths: labels (A), the scenarios (B…), then the blocks' columns (A–K) and the
    by-year grids' year columns (from C, 12 wide for amounts up to 99,999,999 千円). The notes
    column is no wider than the block's column there: its text runs on over the empty cells."""
    out = [38.0]
    for i in range(1, max(len(DETAIL_WIDTHS), n_scenarios + 2, n_years + 2)):
        detail = DETAIL_WIDTHS[i] if i < len(DETAIL_WIDTHS) else 12
        if 2 <= i < n_years + 2:
            detail = max(detail, 12)
        out.append(max(16.0, detail) if i <= n_scenarios else float(detail))
    return out
