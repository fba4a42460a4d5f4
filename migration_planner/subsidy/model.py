"""The cost model: from the plan's systems and one scenario's assumptions to the city's shortfall.

The arithmetic is written out in the package docstring (``migration_planner/subsidy/__init__.py``);
this module is its only implementation. Everything is integer yen; each rounding is the one the
docstring names, so a spreadsheet with live formulas gives the same figures to the yen.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from migration_planner.i18n import Joined, Msg, yen_msg
from migration_planner.inventory.contract import SystemRecord
from migration_planner.money import format_yen_auto, sen_to_yen
from migration_planner.subsidy.params import (
    DEADLINE_FY,
    RELATED_RULES,
    SHARE_RULES,
    ScenarioParams,
)
from migration_planner.workloads import BY_CODE, WORKLOAD_CODES, sort_codes

_CENT = Decimal("0.01")


def _fmt(yen: int) -> str:
    """An amount in an explanation line (「18.6億円」), its unit translatable (a Msg)."""
    return yen_msg(format_yen_auto(yen))


def hundredths(x: float | int) -> int:
    """``x`` × 100 rounded half away from zero: parameters carry at most two decimals."""
    d = Decimal(repr(float(x))).quantize(_CENT, rounding=ROUND_HALF_UP)
    return int(d * 100)


def fiscal_year_label(fy: int) -> str:
    """令和7年度 for 2025 (令和 N = 2018 + N; domain.md §6)."""
    return Msg("subsidy", "令和{era}年度", era=fy - 2018) if fy >= 2019 else Msg("subsidy", "{fy}年度", fy=fy)


def split_by_weight(amount: int, weights: list[int]) -> list[int]:
    """``amount`` shared by ``weights`` with cumulative flooring, so the parts add up exactly.

    ``part_i = ⌊amount × G_i / G⌋ − ⌊amount × G_(i−1) / G⌋`` where ``G_i`` is the running sum of
    the weights and ``G`` their total. A zero weight gets 0, and for 0 ≤ amount no part exceeds
    ``⌈amount × w_i / G⌉``. All zero weights share equally.
    """
    n = len(weights)
    if n == 0:
        return []
    total = sum(weights)
    if total <= 0:
        weights, total = [1] * n, n
    parts, cum, prev = [], 0, 0
    for w in weights:
        cum += w
        here = amount * cum // total
        parts.append(here - prev)
        prev = here
    return parts


def spread_over_years(amount: int, years: int, last_fy: int) -> dict[int, int]:
    """``amount`` over ``years`` fiscal years ending with ``last_fy``: ⌊amount / n⌋ each, the
    last year the remainder."""
    each = amount // years
    out = {last_fy - years + 1 + i: each for i in range(years - 1)}
    out[last_fy] = amount - each * (years - 1)
    return out


def finish_fy(late_h: int) -> int:
    """Fiscal year in which a workload finishes ``late_h`` hundredths of a month after 2026-03-31."""
    return DEADLINE_FY + (late_h + 1199) // 1200


# ---------------------------------------------------------------- the plan's costs, read once
@dataclass(frozen=True, slots=True)
class SystemCost:
    system_id: str
    name: str
    workloads: tuple[str, ...]      # catalog order, known codes only
    annual_yen: int                 # 年間運用経費 × 1000 (0 when not filled in)
    migration_yen: int              # 移行経費見込 × 1000 (0 when not filled in)
    annual_missing: bool
    migration_missing: bool
    linked: frozenset[str]          # system_ids it links to or that link to it


@dataclass(frozen=True, repr=False)
class CostBase:
    """What the model needs from the plan, read once; evaluation then touches no database."""

    systems: tuple[SystemCost, ...]
    by_id: Mapping[str, SystemCost]
    workload_systems: tuple[SystemCost, ...]
    #: Non-workload system_id → workload codes of the workload systems it is linked with.
    linked_related: Mapping[str, tuple[str, ...]]
    #: system_id → its place in the inventory (related work is listed in that order).
    position: Mapping[str, int] = field(default_factory=dict)
    #: Each workload's parts of its systems' costs, by sharing rule (see :meth:`shares`): a
    #: slider move that leaves the rule alone does not split 1,000 systems' costs again.
    _shares: dict = field(default_factory=dict, compare=False)

    def __repr__(self) -> str:
        return f"CostBase({len(self.systems)} systems, {len(self.workload_systems)} with workloads)"

    @classmethod
    def from_records(cls, records: Iterable[SystemRecord]) -> "CostBase":
        records = list(records)
        links: dict[str, set[str]] = {r.system_id: set() for r in records}
        for r in records:
            for other in r.links_to:
                if other in links and other != r.system_id:
                    links[r.system_id].add(other)
                    links[other].add(r.system_id)
        systems = tuple(
            SystemCost(
                system_id=r.system_id,
                name=r.name,
                workloads=tuple(c for c in sort_codes(r.workloads) if c in BY_CODE),
                annual_yen=sen_to_yen(r.annual_cost),
                migration_yen=sen_to_yen(r.migration_cost),
                annual_missing=r.annual_cost is None,
                migration_missing=r.migration_cost is None,
                linked=frozenset(links[r.system_id]),
            )
            for r in records
        )
        by_id = {s.system_id: s for s in systems}
        wsys = tuple(s for s in systems if s.workloads)
        linked_related: dict[str, tuple[str, ...]] = {}
        for s in systems:
            if s.workloads:
                continue
            codes = sort_codes(c for o in s.linked if by_id[o].workloads for c in by_id[o].workloads)
            if codes:
                linked_related[s.system_id] = tuple(codes)
        return cls(systems, by_id, wsys, linked_related, {s.system_id: i for i, s in enumerate(systems)})

    def shares(self, params: ScenarioParams) -> tuple[dict[str, int], dict[str, int], dict[str, list[str]], list[str]]:
        """Step 1 of the package docstring under ``params``' sharing rule: each workload's
        migration and annual cost, the names of its systems, and the systems whose 移行経費見込
        is blank. Kept for the last few rules; treat the result as read-only."""
        key = (params.share_rule, tuple(sorted(params.share_weights.items()))
               if params.share_rule == "weight" else ())
        found = self._shares.get(key)
        if found is None:
            mig = dict.fromkeys(WORKLOAD_CODES, 0)
            ann = dict.fromkeys(WORKLOAD_CODES, 0)
            names: dict[str, list[str]] = {c: [] for c in WORKLOAD_CODES}
            missing = []
            for s in self.workload_systems:
                w = _weights(params, s.workloads)
                for c, a in zip(s.workloads, split_by_weight(s.migration_yen, w)):
                    mig[c] += a
                for c, a in zip(s.workloads, split_by_weight(s.annual_yen, w)):
                    ann[c] += a
                for c in s.workloads:
                    names[c].append(s.name)
                if s.migration_missing:
                    missing.append(s.name)
            found = (mig, ann, names, missing)
            if len(self._shares) >= 8:
                self._shares.pop(next(iter(self._shares)))
            self._shares[key] = found
        return found

    @classmethod
    def from_plan(cls, plan) -> "CostBase":
        return cls.from_records(plan.records())


# ---------------------------------------------------------------- results
@dataclass(slots=True)
class WorkloadResult:
    code: str
    name: str
    systems: tuple[str, ...]
    migration_cost: int             # its share of the systems' 移行経費見込, before escalation
    eligible_cost: int              # after escalation
    subsidy_covered: int
    late_months: float
    finish_fy: int
    extra_running_cost: int
    running_cost_today: int         # its share of the systems' 年間運用経費 (per year)
    running_cost_after: int         # × the Gov-Cloud multiplier (per year)
    shortfall: int
    explanation: str = ""

    def to_json(self) -> dict:
        return {k: getattr(self, k) for k in self.__slots__} | {"systems": list(self.systems)}


@dataclass(slots=True)
class FiscalYearResult:
    fiscal_year: int
    label: str
    eligible_cost: int = 0
    subsidy_covered: int = 0
    ineligible_cost: int = 0
    extra_running_cost: int = 0
    shortfall: int = 0
    explanation: str = ""

    def to_json(self) -> dict:
        return {k: getattr(self, k) for k in self.__slots__}


@dataclass(slots=True)
class RelatedResult:
    system_id: str
    name: str
    migration_cost: int             # 移行経費見込 in yen
    ineligible_cost: int            # × share % × (1 + escalation %)
    finish_fy: int
    linked_workloads: tuple[str, ...]

    def to_json(self) -> dict:
        return {k: getattr(self, k) for k in self.__slots__} | {"linked_workloads": list(self.linked_workloads)}


@dataclass(slots=True)
class SubsidyResult:
    """All figures of one evaluation; integer yen. See the package docstring for the arithmetic."""

    scenario: str
    params: ScenarioParams
    cap: int
    committed: int
    remaining_cap: int
    eligible_cost: int
    ineligible_cost: int
    subsidy_covered: int
    extra_running_cost: int
    shortfall: int
    running_cost_today: int
    running_cost_after: int
    by_fiscal_year: dict[int, FiscalYearResult]
    by_workload: dict[str, WorkloadResult]
    related: list[RelatedResult]
    explanations: dict[str, str]
    notes: list[str] = field(default_factory=list)

    #: The figures a comparison or an export lists, in order.
    FIGURES = (
        "cap", "committed", "remaining_cap", "eligible_cost", "ineligible_cost",
        "subsidy_covered", "extra_running_cost", "shortfall", "running_cost_today", "running_cost_after",
    )

    def to_json(self) -> dict:
        out: dict = {"scenario": self.scenario}
        out |= {k: getattr(self, k) for k in self.FIGURES}
        out["by_fiscal_year"] = {str(fy): r.to_json() for fy, r in self.by_fiscal_year.items()}
        out["by_workload"] = {c: r.to_json() for c, r in self.by_workload.items()}
        out["related"] = [r.to_json() for r in self.related]
        out["explanations"] = dict(self.explanations)
        out["notes"] = list(self.notes)
        out["params"] = self.params.to_json()
        return out


#: Japanese labels of the result figures.
FIGURE_LABELS: dict[str, str] = {
    "cap": Msg("subsidy", "補助上限額"),
    "committed": Msg("subsidy", "計上済み額"),
    "remaining_cap": Msg("subsidy", "上限残額"),
    "eligible_cost": Msg("subsidy", "補助対象経費"),
    "ineligible_cost": Msg("subsidy", "補助対象外経費（関連作業）"),
    "subsidy_covered": Msg("subsidy", "補助で賄える額"),
    "extra_running_cost": Msg("subsidy", "並行運用の追加経費"),
    "shortfall": Msg("subsidy", "不足額（市の負担）"),
    "running_cost_today": Msg("subsidy", "現行の年間運用経費（標準化対象）"),
    "running_cost_after": Msg("subsidy", "移行後の年間運用経費（見込）"),
}


# ---------------------------------------------------------------- evaluation
def _weights(params: ScenarioParams, codes: tuple[str, ...]) -> list[int]:
    if params.share_rule == "weight":
        return [hundredths(params.share_weights.get(c, 1.0)) for c in codes]
    return [1] * len(codes)


def _related_ids(base: CostBase, params: ScenarioParams, notes: list[str]) -> list[str]:
    listed = []
    for sid in params.related_systems:
        s = base.by_id.get(sid)
        if s is None:
            notes.append(Msg("subsidy", "関連作業に指定したシステム {system} はプランにありません（無視しました）。", system=sid))
        elif s.workloads:
            notes.append(Msg("subsidy", "{system} {name} は標準化対象業務を持つため、関連作業には数えません。",
                             system=sid, name=s.name))
        else:
            listed.append(sid)
    if params.related_rule == "none":
        return []
    if params.related_rule == "linked" and not listed and not params.related_excluded:
        return list(base.linked_related)          # already in inventory order
    chosen = set(listed)
    if params.related_rule == "linked":
        chosen |= set(base.linked_related)
        chosen -= set(params.related_excluded)
    if base.position:
        return sorted(chosen, key=base.position.__getitem__)
    return [s.system_id for s in base.systems if s.system_id in chosen]


def related_reason(base: CostBase, params: ScenarioParams, system_id: str) -> str:
    """One line: whether ``system_id`` counts as related work under ``params``, and why."""
    s = base.by_id.get(system_id)
    if s is None:
        return Msg("subsidy", "{system} はプランにありません。", system=system_id)
    if s.workloads:
        return Msg("subsidy", "標準化対象業務を持つシステムは補助対象で、関連作業には数えません。")
    linked = base.linked_related.get(system_id, ())
    via = (Msg("subsidy", "標準化対象業務（{codes}）のシステムと連携", codes=Joined(linked, "・")) if linked
           else Msg("subsidy", "標準化対象のシステムと連携なし"))
    if params.related_rule == "none":
        return Msg("subsidy", "{via}。関連作業は「計上しない」ルールのため数えません。", via=via)
    if params.related_rule == "linked" and linked:
        if system_id in params.related_excluded:
            return Msg("subsidy", "{via}していますが、このシナリオでは除外しています。", via=via)
        return Msg("subsidy", "{via}しているため、関連作業（補助対象外）として数えます。", via=via)
    if system_id in params.related_systems:
        return Msg("subsidy", "{via}。指定により関連作業（補助対象外）として数えます。", via=via)
    return Msg("subsidy", "{via}。関連作業には数えていません（チェックすると数えます）。", via=via)


@dataclass(frozen=True, slots=True)
class SharePart:
    """One system's part of one workload's share (see step 1 of the package docstring)."""

    system_id: str
    name: str
    migration_yen: int      # the system's whole 移行経費見込
    annual_yen: int         # the system's whole 年間運用経費
    weight: float           # this workload's weight (1 under the equal rule)
    total_weight: float     # the sum of the weights of the system's workloads
    migration_part: int
    annual_part: int


def shares_by_workload(base: CostBase, params: ScenarioParams) -> dict[str, list[SharePart]]:
    """How each workload system's costs are shared among its workloads, by workload code."""
    out: dict[str, list[SharePart]] = {c: [] for c in WORKLOAD_CODES}
    for s in base.workload_systems:
        w = _weights(params, s.workloads)
        migs = split_by_weight(s.migration_yen, w)
        anns = split_by_weight(s.annual_yen, w)
        if sum(w) <= 0:                 # all zero: shared equally (split_by_weight does the same)
            shown = [1.0] * len(w)
        else:
            scale = 100 if params.share_rule == "weight" else 1   # weights are in hundredths
            shown = [x / scale for x in w]
        for c, wi, m, a in zip(s.workloads, shown, migs, anns):
            out[c].append(SharePart(s.system_id, s.name, s.migration_yen, s.annual_yen, wi, sum(shown), m, a))
    return out


def evaluate(
    base: CostBase,
    params: ScenarioParams,
    late_months: Mapping[str, float] | None = None,
    *,
    scenario: str = "",
    notes: Iterable[str] = (),
    explain: bool = True,
) -> SubsidyResult:
    """Evaluate one scenario. ``late_months``: months past 2026-03-31 at which each workload
    finishes according to the schedule (``None``/missing = on time); the scenario's delay is
    added for the workloads that slip. ``explain=False`` skips the Japanese lines (sensitivity)."""
    p = params
    notes = list(notes)
    e_bp = hundredths(p.escalation_pct)           # hundredths of a percent
    mult_h = hundredths(p.running_multiplier)     # hundredths
    # hundredths of today's running cost that one late month costs extra (per year)
    par_h = {"new": mult_h, "old": 100, "both": 100 + mult_h}[p.parallel_rule]
    n_years = p.spread_years
    late_months = late_months or {}

    # 1. each workload's share of its systems' costs
    mig, ann, sys_names, missing = base.shares(p)
    if missing:
        notes.append(Msg("subsidy", "移行経費見込が未記入のシステムは0円として計算しています：{systems}。",
                         systems=Joined(missing)))

    # 2. lateness, escalation, spending by year, side-by-side running
    fys: dict[int, list[int]] = {}   # fy → [eligible, ineligible, extra, covered]

    def fy_row(fy: int) -> list[int]:
        row = fys.get(fy)
        if row is None:
            row = fys[fy] = [0, 0, 0, 0]
        return row

    delay_h = hundredths(p.delay_months)
    per: dict[str, list] = {}
    last_finish = DEADLINE_FY
    for c in WORKLOAD_CODES:
        late_h = max(0, hundredths(late_months.get(c, 0.0)) + (delay_h if p.slips(c) else 0))
        fin = finish_fy(late_h)
        last_finish = max(last_finish, fin)
        elig = (mig[c] * (10_000 + e_bp) + 5_000) // 10_000
        for fy, a in spread_over_years(elig, n_years, fin).items():
            fy_row(fy)[0] += a
        extra = 0
        k, left = 1, late_h
        while left > 0:
            m = min(1200, left)
            x = (ann[c] * par_h * m + 60_000) // 120_000
            fy_row(DEADLINE_FY + k)[2] += x
            extra += x
            left -= m
            k += 1
        per[c] = [elig, late_h, fin, extra]

    # 3. related work (not eligible). Each system's cost is spread on its own (step 4's flooring
    # per amount); the parts are added up by finish year first, which gives the same sums.
    share_bp = hundredths(p.related_share_pct)
    related: list[RelatedResult] = []
    ineligible = 0
    fin_of: dict[tuple[str, ...], int] = {}
    each_by_fin: dict[int, int] = {}
    last_by_fin: dict[int, int] = {}
    scale = share_bp * (10_000 + e_bp)
    for sid in _related_ids(base, p, notes):
        s = base.by_id[sid]
        codes = base.linked_related.get(sid, ())
        fin = fin_of.get(codes)
        if fin is None:
            fin = fin_of[codes] = max((per[c][2] for c in codes), default=last_finish)
        cost = (s.migration_yen * scale + 50_000_000) // 100_000_000
        each = cost // n_years
        each_by_fin[fin] = each_by_fin.get(fin, 0) + each
        last_by_fin[fin] = last_by_fin.get(fin, 0) + cost - each * (n_years - 1)
        ineligible += cost
        related.append(RelatedResult(sid, s.name, s.migration_yen, cost, fin, codes))
    for fin, each in each_by_fin.items():
        for k in range(n_years - 1):
            fy_row(fin - n_years + 1 + k)[1] += each
        fy_row(fin)[1] += last_by_fin[fin]
    if p.related_extra:
        for fy, a in spread_over_years(p.related_extra, n_years, last_finish).items():
            fy_row(fy)[1] += a
        ineligible += p.related_extra

    # 4. the subsidy
    eligible = sum(v[0] for v in per.values())
    remaining = p.cap - p.committed
    covered = min(eligible, max(0, remaining))
    left = max(0, remaining)
    for fy in sorted(fys):
        row = fys[fy]
        row[3] = min(row[0], left)
        left -= row[3]
    cov_w = dict(zip(WORKLOAD_CODES, split_by_weight(covered, [per[c][0] for c in WORKLOAD_CODES])))
    extra_total = sum(v[3] for v in per.values())
    shortfall = eligible - covered + ineligible + extra_total

    # 5. results
    by_workload: dict[str, WorkloadResult] = {}
    today_total = after_total = 0
    for c in WORKLOAD_CODES:
        elig, late_h, fin, extra = per[c]
        after = (ann[c] * mult_h + 50) // 100
        today_total += ann[c]
        after_total += after
        by_workload[c] = WorkloadResult(
            code=c, name=BY_CODE[c].name, systems=tuple(sys_names[c]), migration_cost=mig[c],
            eligible_cost=elig, subsidy_covered=cov_w[c], late_months=late_h / 100, finish_fy=fin,
            extra_running_cost=extra, running_cost_today=ann[c], running_cost_after=after,
            shortfall=elig - cov_w[c] + extra,
        )
    by_fy: dict[int, FiscalYearResult] = {}
    for fy in sorted(fys):
        el, inel, ex, cov = fys[fy]
        by_fy[fy] = FiscalYearResult(fy, fiscal_year_label(fy), el, cov, inel, ex, el - cov + inel + ex)

    result = SubsidyResult(
        scenario=scenario, params=p, cap=p.cap, committed=p.committed, remaining_cap=remaining,
        eligible_cost=eligible, ineligible_cost=ineligible, subsidy_covered=covered,
        extra_running_cost=extra_total, shortfall=shortfall, running_cost_today=today_total,
        running_cost_after=after_total, by_fiscal_year=by_fy, by_workload=by_workload,
        related=related, explanations={}, notes=notes,
    )
    if explain:
        _explain(result, base)
    return result


def _parallel(p: ScenarioParams) -> str:
    """What one late month costs under the scenario's ``parallel_rule``, in words."""
    if p.parallel_rule == "new":
        return Msg("subsidy", "新環境の運用経費（現行運用経費 × {multiplier:g}倍）", multiplier=p.running_multiplier)
    if p.parallel_rule == "both":
        return Msg("subsidy", "新旧両方の運用経費（現行運用経費 × (1 + {multiplier:g})）", multiplier=p.running_multiplier)
    return Msg("subsidy", "旧システムの運用経費（現行運用経費 × 1）")


def _explain(r: SubsidyResult, base: CostBase) -> None:
    """The Japanese line under each figure, fiscal year and workload (Msg: the window translates)."""
    p = r.params
    esc = (Msg("subsidy", "上振れ{pct:g}%", pct=p.escalation_pct) if p.escalation_pct
           else Msg("subsidy", "上振れなし"))
    share = SHARE_RULES[p.share_rule]
    parallel = _parallel(p)
    late = [w for w in r.by_workload.values() if w.late_months > 0]
    n_excl = (sum(1 for sid in set(p.related_excluded) if sid in base.linked_related)
              if p.related_rule == "linked" else 0)
    r.explanations = {
        "cap": Msg("subsidy", "補助上限額 {cap}（人口規模で一律に決まる上限。本市は約18.6億円）", cap=_fmt(r.cap)),
        "committed": Msg("subsidy", "令和3〜4年度予算で計上済みの {committed}", committed=_fmt(r.committed)),
        "remaining_cap": Msg("subsidy", "上限 {cap} − 計上済み {committed} = {remaining}",
                             cap=_fmt(r.cap), committed=_fmt(r.committed), remaining=_fmt(r.remaining_cap)),
        "eligible_cost": Msg(
            "subsidy", "標準化対象業務を持つ{n}システムの移行経費見込を業務に{share}で配分し、{escalation}で {eligible}",
            n=len(base.workload_systems), share=share, escalation=esc, eligible=_fmt(r.eligible_cost)),
        "ineligible_cost": Msg(
            "subsidy", "関連作業（{rule}{excluded}）{n}システムの移行経費 × {pct:g}%（{escalation}）{extra} = {ineligible}。補助の対象外",
            rule=RELATED_RULES[p.related_rule],
            excluded=Msg("subsidy", "、除外{n}", n=n_excl) if n_excl else "",
            n=len(r.related), pct=p.related_share_pct, escalation=esc,
            extra=Msg("subsidy", " ＋ 追加 {amount}", amount=_fmt(p.related_extra)) if p.related_extra else "",
            ineligible=_fmt(r.ineligible_cost)),
        "subsidy_covered": Msg(
            "subsidy", "補助対象経費 {eligible} と上限残額 {remaining} の小さい方 = {covered}",
            eligible=_fmt(r.eligible_cost), remaining=_fmt(max(0, r.remaining_cap)), covered=_fmt(r.subsidy_covered)),
        "extra_running_cost": (
            Msg("subsidy", "遅れる{n}業務で、遅れた月数だけ並行運用として{parallel}を払う額 = {extra}",
                n=len(late), parallel=parallel, extra=_fmt(r.extra_running_cost))
            if late else Msg("subsidy", "遅れる業務がないため0円（遅れた場合は{parallel}を月割りで数えます）", parallel=parallel)
        ),
        "shortfall": Msg(
            "subsidy", "対象経費 {eligible} − 補助 {covered} ＋ 対象外 {ineligible} ＋ 並行運用 {extra} = {shortfall}",
            eligible=_fmt(r.eligible_cost), covered=_fmt(r.subsidy_covered), ineligible=_fmt(r.ineligible_cost),
            extra=_fmt(r.extra_running_cost), shortfall=_fmt(r.shortfall)),
        "running_cost_today": Msg("subsidy", "標準化対象システムの現行の年間運用経費の合計 {today}",
                                  today=_fmt(r.running_cost_today)),
        "running_cost_after": Msg(
            "subsidy", "現行 {today} × {multiplier:g}倍 = 年 {after}（不足額には含めない参考値）",
            today=_fmt(r.running_cost_today), multiplier=p.running_multiplier, after=_fmt(r.running_cost_after)),
    }
    months_parallel = Msg("subsidy", "（{parallel}を遅れた月数分）", parallel=parallel)
    for fy in r.by_fiscal_year.values():
        fy.explanation = Msg(
            "subsidy",
            "{year}：対象経費 {eligible} のうち補助 {covered}（上限残額を年度順に充当）、対象外 {ineligible}、"
            "並行運用 {extra}{parallel} → 市負担 {shortfall}",
            year=fy.label, eligible=_fmt(fy.eligible_cost), covered=_fmt(fy.subsidy_covered),
            ineligible=_fmt(fy.ineligible_cost), extra=_fmt(fy.extra_running_cost),
            parallel=months_parallel if fy.extra_running_cost else "", shortfall=_fmt(fy.shortfall))
    weighted = p.share_rule == "weight"
    for w in r.by_workload.values():
        src = Joined(w.systems, "・") if w.systems else Msg("subsidy", "担当システムなし")
        lateness = (
            Msg("subsidy", "{months:g}か月遅れて並行運用 {extra}（{parallel} × {months:g}/12）",
                months=w.late_months, extra=_fmt(w.extra_running_cost), parallel=parallel)
            if w.late_months else Msg("subsidy", "期限内")
        )
        weight = Msg("subsidy", "（重み {weight:g}）", weight=p.share_weights.get(w.code, 1.0)) if weighted else ""
        w.explanation = Msg(
            "subsidy",
            "{code} {name}：{systems}の移行経費の{share}{weight}分 {migration}（{escalation}）"
            "から補助 {covered}（対象経費で按分）、{lateness} → 市負担 {shortfall}",
            code=w.code, name=w.name, systems=src, share=share, weight=weight, migration=_fmt(w.migration_cost),
            escalation=esc, covered=_fmt(w.subsidy_covered), lateness=lateness, shortfall=_fmt(w.shortfall))
