"""The plan's workloads, their systems, data-linkage edges, step estimates, progress and settings.

Reads and plain edits in one place; each edit is one transaction. The undoable forms of these edits
are in :mod:`migration_planner.schedule.commands`.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

import networkx as nx
from sqlalchemy import delete
from sqlmodel import Session, select

from migration_planner.i18n import Joined, Msg
from migration_planner.models import StepEstimate, StepProgress, System, Workload, WorkloadEdge
from migration_planner.schedule.calendar import DEFAULT_BLACKOUT_MONTHS
from migration_planner.schedule.steps import BY_NO, N_STEPS, NOT_STARTED, STATUSES
from migration_planner.store import Plan
from migration_planner.workloads import BY_CODE, WORKLOAD_CODES, sort_codes, workload_label

META_CAPACITY = "schedule.vendor_capacity"
META_BLACKOUT = "schedule.blackout_months"
META_FLAGS = "schedule.workload_flags"
DEFAULT_CAPACITY = 2
#: Plan flags a planner may set on a workload to record a known cause of delay.
FLAG_CUSTOM_BUILT, FLAG_NO_PRODUCT, FLAG_MAINFRAME = "custom_built", "no_standard_product", "mainframe"
FLAGS = (FLAG_CUSTOM_BUILT, FLAG_NO_PRODUCT, FLAG_MAINFRAME)


class ScheduleError(ValueError):
    """An edit the schedule refuses; ``str(exc)`` is a Japanese message for the planner (a
    :class:`~migration_planner.i18n.Msg`: ``exc.args[0]``, which the window translates)."""


# ---------------------------------------------------------------- catalog ties
@dataclass(frozen=True, slots=True)
class SystemRef:
    """A system that carries a workload: the plan's row, or the catalog's name when the plan has none."""

    system_id: str
    name: str
    vendor: str
    notes: str
    cloud_blocker: str = ""


def workloads(plan: Plan) -> list[Workload]:
    with Session(plan.engine) as s:
        return list(s.exec(select(Workload).order_by(Workload.position)))


def workload_systems(plan: Plan, systems: list[System] | None = None) -> dict[str, list[SystemRef]]:
    """Each workload code → the plan's systems whose 標準化対象業務 names it (the inventory's tie).

    A workload no system names falls back to the catalog's system name (domain.md §2) with no
    vendor, so that the city's sharing of systems still holds on an empty plan.
    """
    systems = plan.systems() if systems is None else systems
    out: dict[str, list[SystemRef]] = {c: [] for c in WORKLOAD_CODES}
    for s in systems:
        for code in s.workloads:
            if code in out:
                out[code].append(SystemRef(s.system_id, s.name, s.vendor, s.notes, s.cloud_blocker))
    for code, refs in out.items():
        if not refs:
            name = BY_CODE[code].system
            refs.append(SystemRef(f"({name})", name, "", ""))
    return out


# ---------------------------------------------------------------- edges
def edges(plan: Plan) -> list[tuple[str, str]]:
    with Session(plan.engine) as s:
        rows = s.exec(select(WorkloadEdge.provider, WorkloadEdge.consumer).order_by(WorkloadEdge.id))
        return [(p, c) for p, c in rows]


def find_cycle_path(edge_list, provider: str, consumer: str) -> list[str] | None:
    """The cycle adding ``provider → consumer`` would close, as codes from ``consumer`` round to itself."""
    if provider == consumer:
        return [provider, provider]
    g = nx.DiGraph(edge_list)
    if consumer in g and provider in g and nx.has_path(g, consumer, provider):
        return nx.shortest_path(g, consumer, provider) + [consumer]
    return None


def cycle_message(path: list[str]) -> str:
    return Msg("schedule", "循環する連携になります：{path}", path=" → ".join(workload_label(c) for c in path))


def _check_code(code: str) -> None:
    if code not in BY_CODE:
        raise ScheduleError(Msg("schedule", "標準化対象業務「{code}」はありません。", code=code))


def add_edge(plan: Plan, provider: str, consumer: str) -> bool:
    """Add the linkage ``provider → consumer``; False when it is already there.

    Raises :class:`ScheduleError` naming the cycle when the edge would close one.
    """
    _check_code(provider)
    _check_code(consumer)
    current = edges(plan)
    if (provider, consumer) in current:
        return False
    cycle = find_cycle_path(current, provider, consumer)
    if cycle:
        raise ScheduleError(cycle_message(cycle))
    with plan.session() as s:
        s.add(WorkloadEdge(provider=provider, consumer=consumer))
    return True


def remove_edge(plan: Plan, provider: str, consumer: str) -> bool:
    """Remove the linkage; False when it was not there."""
    with plan.session() as s:
        res = s.exec(delete(WorkloadEdge).where(WorkloadEdge.provider == provider, WorkloadEdge.consumer == consumer))
        return bool(res.rowcount)


# ---------------------------------------------------------------- estimates
Estimate = tuple[float, float, float]


def default_estimate(step_no: int) -> Estimate:
    s = BY_NO[step_no]
    return (s.optimistic, s.likely, s.pessimistic)


def estimate_overrides(plan: Plan) -> dict[tuple[str, int], Estimate]:
    with Session(plan.engine) as s:
        return {(r.workload_code, r.step_no): (r.optimistic, r.likely, r.pessimistic) for r in s.exec(select(StepEstimate))}


def estimates(plan: Plan) -> dict[str, list[Estimate]]:
    """Each workload's 40 three-point estimates (working days): its overrides, else the defaults."""
    over = estimate_overrides(plan)
    return {c: [over.get((c, n), default_estimate(n)) for n in range(1, N_STEPS + 1)] for c in WORKLOAD_CODES}


def validate_estimate(est: Estimate) -> Estimate:
    o, m, p = (float(x) for x in est)
    if min(o, m, p) < 0:
        raise ScheduleError(Msg("schedule", "所要日数は0以上で入力してください。"))
    if not o <= m <= p:
        raise ScheduleError(Msg("schedule", "所要日数は 楽観 ≤ 最可能 ≤ 悲観 の順にしてください。"))
    return (o, m, p)


def set_estimate(plan: Plan, code: str, step_no: int, est: Estimate | None) -> None:
    """Set one step's estimate for one workload; ``None`` returns it to the default."""
    _check_code(code)
    if step_no not in BY_NO:
        raise ScheduleError(Msg("schedule", "手順 {step} はありません（1〜{steps}）。", step=step_no, steps=N_STEPS))
    with plan.session() as s:
        row = s.get(StepEstimate, (code, step_no))
        if est is None:
            if row is not None:
                s.delete(row)
            return
        o, m, p = validate_estimate(est)
        if row is None:
            row = StepEstimate(workload_code=code, step_no=step_no)
        row.optimistic, row.likely, row.pessimistic = o, m, p
        s.add(row)


# ---------------------------------------------------------------- progress
@dataclass(frozen=True, slots=True)
class StepState:
    status: str = NOT_STARTED
    as_of: dt.date | None = None


def progress(plan: Plan) -> dict[str, list[StepState]]:
    """Each workload's 40 step states (未着手 where nothing was recorded)."""
    out = {c: [StepState() for _ in range(N_STEPS)] for c in WORKLOAD_CODES}
    with Session(plan.engine) as s:
        for r in s.exec(select(StepProgress)):
            if r.workload_code in out and 1 <= r.step_no <= N_STEPS:
                out[r.workload_code][r.step_no - 1] = StepState(r.status, r.as_of)
    return out


def set_step_status(plan: Plan, code: str, step_no: int, status: str | None, as_of: dt.date | None = None) -> None:
    """Record one step's status (``None`` forgets it: back to 未着手 with no date)."""
    set_step_statuses(plan, {(code, step_no): None if status is None else StepState(status, as_of)})


def set_step_statuses(plan: Plan, states: dict[tuple[str, int], StepState | None]) -> None:
    """Record several steps' states in one transaction (``None`` forgets a step)."""
    for (code, step_no), st in states.items():
        _check_code(code)
        if step_no not in BY_NO:
            raise ScheduleError(Msg("schedule", "手順 {step} はありません（1〜{steps}）。", step=step_no, steps=N_STEPS))
        if st is not None and st.status not in STATUSES:
            raise ScheduleError(Msg("schedule", "状況「{status}」は {statuses} のいずれかにしてください。",
                                    status=st.status, statuses=Joined(STATUSES, "／")))
    with plan.session() as s:
        for (code, step_no), st in states.items():
            row = s.get(StepProgress, (code, step_no))
            if st is None:
                if row is not None:
                    s.delete(row)
                continue
            if row is None:
                row = StepProgress(workload_code=code, step_no=step_no)
            row.status, row.as_of = st.status, st.as_of
            s.add(row)


def raw_step_states(plan: Plan, codes=None) -> dict[tuple[str, int], StepState | None]:
    """The recorded states (``None`` where nothing is recorded) of the given workloads' steps."""
    codes = WORKLOAD_CODES if codes is None else codes
    out: dict[tuple[str, int], StepState | None] = {(c, n): None for c in codes for n in range(1, N_STEPS + 1)}
    with Session(plan.engine) as s:
        for r in s.exec(select(StepProgress).where(StepProgress.workload_code.in_(list(codes)))):
            out[(r.workload_code, r.step_no)] = StepState(r.status, r.as_of)
    return out


# ---------------------------------------------------------------- settings
def vendor_capacity(plan: Plan) -> int:
    try:
        return max(1, int(plan.meta(META_CAPACITY, str(DEFAULT_CAPACITY))))
    except ValueError:
        return DEFAULT_CAPACITY


def set_vendor_capacity(plan: Plan, n: int) -> None:
    if int(n) < 1:
        raise ScheduleError(Msg("schedule", "同時に進められる移行の数は1以上にしてください。"))
    plan.set_meta(META_CAPACITY, str(int(n)))


def blackout_months(plan: Plan) -> tuple[int, ...]:
    raw = plan.meta(META_BLACKOUT, "")
    if not raw:
        return DEFAULT_BLACKOUT_MONTHS
    try:
        return tuple(sorted({int(m) for m in json.loads(raw) if 1 <= int(m) <= 12}))
    except (ValueError, TypeError):
        return DEFAULT_BLACKOUT_MONTHS


_BAD_MONTH = Msg("schedule", "切替禁止月は1〜12で指定してください。")


def validate_blackout_months(months) -> tuple[int, ...]:
    """The months 1–12 as a sorted tuple; :class:`ScheduleError` for a bad month or all twelve."""
    try:
        out = tuple(sorted({int(m) for m in months}))
    except (TypeError, ValueError):
        raise ScheduleError(_BAD_MONTH) from None
    if any(not 1 <= m <= 12 for m in out):
        raise ScheduleError(_BAD_MONTH)
    if len(out) == 12:
        raise ScheduleError(Msg("schedule", "すべての月を切替禁止にはできません。"))
    return out


def set_blackout_months(plan: Plan, months) -> None:
    plan.set_meta(META_BLACKOUT, json.dumps(list(validate_blackout_months(months))))


def workload_flags(plan: Plan) -> dict[str, list[str]]:
    """Planner-set causes per workload code (``custom_built``, ``no_standard_product``, ``mainframe``)."""
    try:
        raw = json.loads(plan.meta(META_FLAGS, "{}") or "{}")
    except ValueError:
        return {}
    return {c: [f for f in v if f in FLAGS] for c, v in raw.items() if c in BY_CODE and isinstance(v, list)}


def validate_flags(flags) -> tuple[str, ...]:
    """The known flags among ``flags``, in :data:`FLAGS` order; :class:`ScheduleError` for others."""
    unknown = set(flags) - set(FLAGS)
    if unknown:
        raise ScheduleError(Msg("schedule", "遅延要因「{flags}」はありません。", flags="、".join(sorted(unknown))))
    return tuple(f for f in FLAGS if f in set(flags))


def set_workload_flags(plan: Plan, code: str, flags) -> None:
    _check_code(code)
    flags = validate_flags(flags)
    current = workload_flags(plan)
    current[code] = [f for f in FLAGS if f in set(flags)]
    current = {c: v for c, v in current.items() if v}
    plan.set_meta(META_FLAGS, json.dumps({c: current[c] for c in sort_codes(current)}, ensure_ascii=False))
