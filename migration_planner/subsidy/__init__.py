"""Subsidy shortfall what-if: cost model, scenarios kept in the plan, and sensitivity (issue 5).

The national デジタル基盤改革支援補助金 has a cap for Osaka City of about 18.6億円, of which 11.8億円
was committed in FY2021–22; related work beyond the 20 workloads is not eligible (domain.md §5).
This package says what the city must pay itself under each set of assumptions.

Public API
----------
- ``CostBase.from_plan(plan)``: read the plan's systems once (the only database read).
- ``evaluate(base, params, late_months=None, *, scenario="") -> SubsidyResult``: all figures,
  pure and fast (≈0.7 ms for the sample plan with the Japanese explanations — translatable
  ``Msg`` lines, about 1.5× what plain f-strings took — ≈0.25 ms with ``explain=False``; no I/O).
- ``evaluate_scenario(plan, name=None, *, overrides=None) -> SubsidyResult``: the one-call form
  (looks the scenario up, asks the schedule for lateness, evaluates).
- ``list_scenarios(plan)``, ``get_scenario``, ``ensure_baseline``; commands with ``apply(plan)`` /
  ``revert(plan)``: ``AddScenario``, ``duplicate_command(plan, id)``, ``RenameScenario``,
  ``DeleteScenario``, ``UpdateScenario``.
- ``compare_scenarios(plan) -> Comparison`` (rows × scenarios with differences from the baseline).
- ``tornado(base, params, late_months) -> list[TornadoRow]`` (sorted by swing).
- ``schedule_late_months(plan)`` → (late months by workload or None, note): the adapter to
  ``migration_planner.schedule`` (``compute_schedule`` + ``late_months_by_workload``); ≈1 s the
  first time in a process (imports), ≈10 ms after. ``late_months_for(plan, params)`` applies the
  scenario's ``delay_source``.
- ``shares_by_workload(base, params)``: each workload's parts of its systems' costs (step 1), and
  ``related_reason(base, params, system_id)``: one line saying whether a system is related work
  and why (the view's editors show both).
- ``PARAM_LABELS`` / ``FIGURE_LABELS``: Japanese labels; ``migration_planner.money`` formats yen.

The arithmetic (exact; every amount an integer of yen)
-----------------------------------------------------
Notation: ``ROUND(x)`` rounds half away from zero to a whole yen (Excel ``ROUND(x, 0)``);
``INT(x)`` is the floor (Excel ``INT``). Percentages, the multiplier, weights and months are first
rounded to two decimals. Inventory amounts are 千円, so ``yen = 千円 × 1000`` (blank = 0, noted).

1. **Workload systems** are the systems whose 標準化対象業務 lists workload codes. Only they are
   eligible. Each such system's 移行経費見込 ``M_s`` and 年間運用経費 ``A_s`` are shared among its
   workloads ``w_1 … w_k`` (catalog order) by weights ``g_i`` (``share_rule="equal"``: all 1;
   ``"weight"``: ``share_weights[code]``, default 1; all zero = equal) by cumulative flooring:
   with ``G_i = g_1 + … + g_i`` and ``G = G_k``,
   ``part_i = INT(M_s × G_i / G) − INT(M_s × G_{i−1} / G)`` (``G_0 = 0``), so the parts add up to
   ``M_s`` exactly and a zero weight gets 0. Same for ``A_s``. A workload carried by several
   systems (5 選挙人名簿管理) adds its parts: ``mig_w``, ``ann_w``.
2. **Eligible cost** of a workload: ``elig_w = ROUND(mig_w × (1 + escalation_pct/100))``;
   ``eligible_cost = Σ_w elig_w``.
3. **Lateness**: ``late_w = max(0, sched_w + (delay_months if w slips else 0))`` months past
   2026-03-31, where ``sched_w`` is the schedule's lateness when ``delay_source="schedule"`` and the
   schedule is available, else 0; "slips" = ``slipping`` is null (all) or lists ``w``.
   Finish fiscal year ``F_w = 2025 + CEILING(late_w / 12)``.
4. **Spending by fiscal year**: an amount ``X`` finishing in ``F`` is spread over ``n = spread_years``
   years ``F−n+1 … F``: ``INT(X / n)`` each, the year ``F`` gets ``X − (n−1) × INT(X / n)``.
   Applies to each ``elig_w`` (with ``F_w``) and to each related cost (below).
5. **Side-by-side running (extra running cost)**: for every month a workload is late the city runs
   old and new side by side. What that adds, per year, is ``ann_w × k`` with ``k`` by
   ``parallel_rule``: ``"old"`` (default) ``k = 1`` — the old system kept alive; ``"new"``
   ``k = running_multiplier`` — the new Gov-Cloud environment; ``"both"`` ``k = 1 + running_multiplier``.
   *Why "old" is the default*: the shortfall is the cost the migration puts on the city, and the
   extra cost of a late month is the difference from finishing on time. On time, from 2026-04 the
   city pays the new environment (its running cost, ``running_cost_after`` below, is a reference
   figure outside the shortfall for every workload). Late, it pays that same new environment — the
   Gov-Cloud environment and the vendor's standard system are contracted and built before
   cut-over — *and* keeps the old system running until cut-over: the difference is the old
   system's running cost, ``k = 1``. Counting the new environment (``"new"``, ``"both"``) would
   charge a late workload for a cost an on-time one also pays; it fits only the view that the old
   system's running stays in the ordinary budget whatever happens (domain.md §5 gives no rule; the
   city's 2022 account, seed 002, only says the deadline is out of reach and the cap too small). If
   the new environment is not paid until cut-over, ``k = 1`` is an upper bound. The multiplier still
   enters ``running_cost_after`` and, with ``"new"``/``"both"``, the side-by-side cost.
   In fiscal year ``2025 + j`` (j ≥ 1) the late months are
   ``m_j = MIN(12, MAX(0, late_w − 12 × (j − 1)))`` and ``extra_{w,j} = ROUND(ann_w × k × m_j / 12)``;
   ``extra_running_cost = Σ_w Σ_j extra_{w,j}``.
6. **Related work (ineligible)**: the related systems are, by ``related_rule``: ``"linked"`` — every
   system without workloads that links to, or is linked from (連携先システムID), a workload system,
   plus ``related_systems``, less ``related_excluded``; ``"listed"`` — only ``related_systems``;
   ``"none"`` — none (workload systems are never related work). Each costs
   ``rel_r = ROUND(M_r × related_share_pct/100 × (1 + escalation_pct/100))``, finishing in the latest
   ``F_w`` of the workloads it is linked with (unlinked: the latest ``F_w`` of all);
   ``ineligible_cost = Σ_r rel_r + related_extra`` (the extra amount is taken as given, finishing in
   the latest ``F_w`` of all).
7. **The subsidy**: ``remaining_cap = cap − committed``;
   ``subsidy_covered = MIN(eligible_cost, MAX(0, remaining_cap))``.
   *By fiscal year* the remaining cap is drawn in year order: ``cov_y = MIN(elig_y, MAX(0,
   remaining_cap) − Σ_{earlier years} cov)``. *By workload* it is shared pro rata to ``elig_w``
   (catalog order) by the cumulative flooring of step 1 with weights ``elig_w``:
   ``cov_w = INT(subsidy_covered × E_w / E) − INT(subsidy_covered × E_{w−1} / E)``, ``E_w`` the
   running sum of ``elig_w`` and ``E = eligible_cost`` (0 when ``E = 0``); so ``0 ≤ cov_w ≤ elig_w``.
8. **Shortfall (the city's own burden)**:
   ``shortfall = eligible_cost − subsidy_covered + ineligible_cost + extra_running_cost``;
   the same identity holds for each fiscal year (``elig_y − cov_y + inel_y + extra_y``) and for
   each workload (``elig_w − cov_w + extra_w``; related work is listed apart in ``related``).
9. **Running cost after migration** (a reference figure, not in the shortfall):
   ``running_cost_after = Σ_w ROUND(ann_w × running_multiplier)`` a year, against
   ``running_cost_today = Σ_w ann_w``.

Defaults: cap 1,860,000,000 yen; committed 1,180,000,000 yen; escalation 0 %; multiplier 2.3×
(core cities' 2025 average; up to 5.7×); delay 0 months, all workloads slip; a late month costs the
old system's running (``parallel_rule="old"``, step 5); equal split; related work = linked systems
at 100 %; 2 spending years. These are assumptions, all editable per scenario (the view has an
editor for each, the share weights and the related systems included).
"""

from __future__ import annotations

from migration_planner.i18n import Joined, Msg
from migration_planner.subsidy.model import (
    FIGURE_LABELS,
    CostBase,
    FiscalYearResult,
    RelatedResult,
    SharePart,
    SubsidyResult,
    WorkloadResult,
    evaluate,
    fiscal_year_label,
    related_reason,
    shares_by_workload,
)
from migration_planner.subsidy.params import (
    DEFAULT_CAP,
    DEFAULT_COMMITTED,
    DEFAULT_MULTIPLIER,
    PARAM_LABELS,
    ParamError,
    ScenarioParams,
)
from migration_planner.subsidy.scenarios import (
    BASELINE_NAME,
    AddScenario,
    Comparison,
    ComparisonRow,
    DeleteScenario,
    RenameScenario,
    ScenarioError,
    ScenarioInfo,
    UpdateScenario,
    baseline,
    compare,
    compare_scenarios,
    duplicate_command,
    ensure_baseline,
    get_scenario,
    list_scenarios,
)
from migration_planner.subsidy.schedule_link import late_months_for, schedule_late_months
from migration_planner.subsidy.sensitivity import RANGES, TornadoRow, tornado


def evaluate_scenario(
    plan,
    name: str | None = None,
    *,
    base: CostBase | None = None,
    overrides: dict | None = None,
) -> SubsidyResult:
    """Evaluate the scenario called ``name`` (default: the baseline) of ``plan``.

    ``overrides``: parameter values to use instead of the stored ones (not saved). Raises
    :class:`ScenarioError` (Japanese message listing the scenarios) for an unknown name. A plan
    without scenarios is evaluated with the defaults under 「ベースライン」 (nothing is written).
    """
    infos = list_scenarios(plan)
    if name is None:
        info = next((i for i in infos if i.is_baseline), infos[0] if infos else None)
        if info is None:
            info = ScenarioInfo(0, BASELINE_NAME, True, 0, ScenarioParams())
    else:
        info = next((i for i in infos if i.name == name), None)
        if info is None:
            names = (Joined(Msg("subsidy", "「{name}」", name=i.name) for i in infos) if infos
                     else Msg("subsidy", "なし（既定の「{baseline}」のみ）", baseline=BASELINE_NAME))
            if name == BASELINE_NAME and not infos:
                info = ScenarioInfo(0, BASELINE_NAME, True, 0, ScenarioParams())
            else:
                raise ScenarioError(Msg("subsidy", "シナリオ「{name}」はありません。このプランのシナリオ：{names}",
                                        name=name, names=names))
    params = info.params.with_(**overrides) if overrides else info.params
    base = base or CostBase.from_plan(plan)
    late, note = late_months_for(plan, params)
    return evaluate(base, params, late, scenario=info.name, notes=[note] if note else [])


__all__ = [
    "AddScenario", "BASELINE_NAME", "Comparison", "ComparisonRow", "CostBase", "DEFAULT_CAP",
    "DEFAULT_COMMITTED", "DEFAULT_MULTIPLIER", "DeleteScenario", "FIGURE_LABELS", "FiscalYearResult",
    "PARAM_LABELS", "ParamError", "RANGES", "RelatedResult", "RenameScenario", "ScenarioError",
    "ScenarioInfo", "ScenarioParams", "SharePart", "SubsidyResult", "TornadoRow", "UpdateScenario", "WorkloadResult",
    "baseline", "compare", "compare_scenarios", "duplicate_command", "ensure_baseline", "evaluate",
    "evaluate_scenario", "fiscal_year_label", "get_scenario", "late_months_for", "list_scenarios",
    "related_reason", "schedule_late_months", "shares_by_workload", "tornado",
]
