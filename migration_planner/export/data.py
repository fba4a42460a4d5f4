"""Everything an export shows, read from the plan once: placement, schedule, subsidy, edges.

The export writers (Excel, CSV, charts) take an :class:`ExportData` and touch no database, so one
read serves every file, and tests can build the data directly.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlmodel import Session, select

from migration_planner import __version__
from migration_planner.inventory.contract import SystemRecord
from migration_planner.models import WorkloadEdge
from migration_planner.placement import Classified, classify_records, overrides
from migration_planner.tasks import NULL_STATE, TaskState

#: The law's deadline (令和7年度末) — the schedule module's constant is used when it is there.
FALLBACK_DEADLINE = dt.date(2026, 3, 31)
#: 特定移行支援システム's 「概ね5年以内」 — likewise taken from the schedule module.
FALLBACK_EXTENDED_DEADLINE = dt.date(2031, 3, 31)


class ExportError(Exception):
    """The export cannot be made as asked; ``str(exc)`` is a Japanese message for the planner."""


@dataclass(slots=True)
class ScenarioData:
    """One subsidy scenario as the export writes it: its assumptions, the schedule lateness it
    used, and the core's result (the figures the workbook's formulas must reproduce)."""

    name: str
    is_baseline: bool
    params: object                         # subsidy.ScenarioParams
    result: object                         # subsidy.SubsidyResult
    schedule_late: dict[str, float] | None  # months past the deadline by workload, as used


@dataclass(slots=True)
class ExportData:
    plan_name: str
    plan_path: str
    as_of: dt.date
    generated_at: dt.datetime
    version: str
    records: list[SystemRecord]
    classified: list[Classified]
    schedule: object | None                # schedule.ScheduleResult
    deadline: dt.date
    extended_deadline: dt.date
    scenarios: list[ScenarioData]
    chart_scenario: str
    edges: list[tuple[str, str]]
    notes: list[str] = field(default_factory=list)

    @property
    def date_text(self) -> str:
        return self.generated_at.strftime("%Y/%m/%d %H:%M")


def sub_state(state: TaskState, start: float, end: float) -> TaskState:
    """A state whose 0–1 progress is ``start``–``end`` of ``state`` (and cancels with it)."""
    if state is NULL_STATE:
        return NULL_STATE
    return TaskState(on_progress=lambda f, m: state.report(start + (end - start) * f, m))


def _edges(plan) -> list[tuple[str, str]]:
    with Session(plan.engine) as s:
        rows = s.exec(select(WorkloadEdge.provider, WorkloadEdge.consumer).order_by(WorkloadEdge.id))
        return [(p, c) for p, c in rows]


def _schedule(plan, as_of: dt.date, samples: int, seed: int, state: TaskState, notes: list[str]):
    """The schedule from the schedule module, or None with a note saying why."""
    try:
        from migration_planner.schedule import compute_schedule
    except ImportError as exc:
        notes.append(f"工程表（スケジュール）モジュールを読み込めないため、工程表のシートは空です（{exc}）。")
        return None
    try:
        return compute_schedule(plan, as_of, samples=samples, seed=seed, state=state)
    except Exception as exc:  # a cycle, bad estimates: the rest of the export is still worth having
        notes.append(f"工程表を計算できませんでした（{exc}）。工程表のシートは空です。")
        return None


def _deadlines(schedule) -> tuple[dt.date, dt.date]:
    if schedule is not None:
        return schedule.deadline, schedule.extended_deadline
    try:
        from migration_planner.schedule import DEADLINE, EXTENDED_DEADLINE
        return DEADLINE, EXTENDED_DEADLINE
    except ImportError:
        return FALLBACK_DEADLINE, FALLBACK_EXTENDED_DEADLINE


def _scenarios(plan, records, schedule, scenario: str | None, notes: list[str]) -> tuple[list[ScenarioData], str]:
    from migration_planner.subsidy import (
        BASELINE_NAME,
        CostBase,
        ScenarioInfo,
        ScenarioParams,
        evaluate,
        late_months_for,
        list_scenarios,
    )
    from migration_planner.subsidy.schedule_link import NOTE_FROM_SCHEDULE

    infos = list_scenarios(plan) or [ScenarioInfo(0, BASELINE_NAME, True, 0, ScenarioParams())]
    infos.sort(key=lambda i: not i.is_baseline)  # the baseline first (column B)
    if not infos[0].is_baseline:
        infos[0] = ScenarioInfo(infos[0].id, infos[0].name, True, infos[0].position, infos[0].params)
    if scenario is not None:
        chosen = [i for i in infos if i.name == scenario]
        if not chosen:
            names = "、".join(f"「{i.name}」" for i in infos)
            raise ExportError(f"シナリオ「{scenario}」はありません。このプランのシナリオ：{names}")
        infos = [infos[0]] + [i for i in chosen if i is not infos[0]]
    if schedule is not None:
        from migration_planner.schedule import late_months_by_workload

        schedule_late = (late_months_by_workload(schedule), NOTE_FROM_SCHEDULE)
    else:
        schedule_late = None  # the subsidy's own adapter says why (and tries again)
    base = CostBase.from_records(records)
    out = []
    for info in infos:
        late, note = late_months_for(plan, info.params, schedule_late=schedule_late)
        result = evaluate(base, info.params, late, scenario=info.name, notes=[note] if note else [])
        out.append(ScenarioData(info.name, info.is_baseline, info.params, result, dict(late) if late else None))
    return out, (scenario or infos[0].name)


def collect(
    plan,
    *,
    as_of: dt.date | None = None,
    scenario: str | None = None,
    samples: int = 2000,
    seed: int = 0,
    state: TaskState = NULL_STATE,
) -> ExportData:
    """Read everything the export shows from ``plan``.

    ``scenario``: the subsidy scenario to show (with the baseline for comparison) and to draw in
    the waterfall; ``None`` = every scenario, the waterfall of the baseline. Raises
    :class:`ExportError` for an unknown scenario.
    """
    as_of = as_of or dt.date.today()
    notes: list[str] = []
    state.report(0.0, "プランを読み込んでいます")
    records = plan.records()
    classified = classify_records(records, overrides(plan))
    state.report(0.05, "工程表を計算しています")
    schedule = _schedule(plan, as_of, samples, seed, sub_state(state, 0.05, 0.3), notes)
    deadline, extended = _deadlines(schedule)
    state.report(0.3, "補助金を試算しています")
    scenarios, chart = _scenarios(plan, records, schedule, scenario, notes)
    edges = _edges(plan)
    return ExportData(
        plan_name=plan.name, plan_path=plan.display_path, as_of=as_of,
        generated_at=dt.datetime.now().replace(microsecond=0), version=__version__,
        records=records, classified=classified, schedule=schedule, deadline=deadline,
        extended_deadline=extended, scenarios=scenarios, chart_scenario=chart, edges=edges, notes=notes,
    )
