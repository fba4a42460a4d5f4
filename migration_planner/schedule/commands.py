"""Schedule edits as plain commands with inverses, for the shared undo stack.

``cmd.apply(plan)`` does the edit; ``cmd.inverse()`` is the command that undoes it. The views wrap
them in ``QUndoCommand``; the core knows nothing of Qt.
"""

from __future__ import annotations

from dataclasses import dataclass

from migration_planner.i18n import Joined, Msg
from migration_planner.schedule import catalog
from migration_planner.store import Plan
from migration_planner.workloads import BY_CODE, workload_label


@dataclass(frozen=True, slots=True)
class EdgeCommand:
    provider: str
    consumer: str
    add: bool

    @property
    def text(self) -> str:
        provider, consumer = workload_label(self.provider), workload_label(self.consumer)
        if self.add:
            return Msg("schedule", "連携を追加：{provider} → {consumer}", provider=provider, consumer=consumer)
        return Msg("schedule", "連携を削除：{provider} → {consumer}", provider=provider, consumer=consumer)

    def apply(self, plan: Plan) -> None:
        (catalog.add_edge if self.add else catalog.remove_edge)(plan, self.provider, self.consumer)

    def inverse(self) -> "EdgeCommand":
        return EdgeCommand(self.provider, self.consumer, not self.add)


@dataclass(frozen=True, slots=True)
class EstimateCommand:
    code: str
    step_no: int
    new: tuple[float, float, float] | None
    old: tuple[float, float, float] | None   # None: the default (no override row)

    @classmethod
    def make(cls, plan: Plan, code: str, step_no: int, new) -> "EstimateCommand":
        old = catalog.estimate_overrides(plan).get((code, step_no))
        return cls(code, step_no, None if new is None else catalog.validate_estimate(new), old)

    @property
    def text(self) -> str:
        return Msg("schedule", "所要日数を変更：{workload} 手順{step}", workload=workload_label(self.code), step=self.step_no)

    def apply(self, plan: Plan) -> None:
        catalog.set_estimate(plan, self.code, self.step_no, self.new)

    def inverse(self) -> "EstimateCommand":
        return EstimateCommand(self.code, self.step_no, self.old, self.new)


@dataclass(frozen=True, slots=True)
class CapacityCommand:
    new: int
    old: int

    @classmethod
    def make(cls, plan: Plan, new: int) -> "CapacityCommand":
        return cls(int(new), catalog.vendor_capacity(plan))

    @property
    def text(self) -> str:
        return Msg("schedule", "ベンダの同時移行数を {n} に変更", n=self.new)

    def apply(self, plan: Plan) -> None:
        catalog.set_vendor_capacity(plan, self.new)

    def inverse(self) -> "CapacityCommand":
        return CapacityCommand(self.old, self.new)


@dataclass(frozen=True, slots=True)
class BlackoutCommand:
    """Set the months in which no cut-over may start or end (default April–May)."""

    new: tuple[int, ...]
    old: tuple[int, ...]

    @classmethod
    def make(cls, plan: Plan, months) -> "BlackoutCommand":
        return cls(catalog.validate_blackout_months(months), tuple(catalog.blackout_months(plan)))

    @property
    def text(self) -> str:
        if not self.new:
            return Msg("schedule", "切替禁止月を変更：なし")
        return Msg("schedule", "切替禁止月を変更：{months}", months=Joined(Msg("schedule", "{0}月", m) for m in self.new))

    def apply(self, plan: Plan) -> None:
        catalog.set_blackout_months(plan, self.new)

    def inverse(self) -> "BlackoutCommand":
        return BlackoutCommand(self.old, self.new)


@dataclass(frozen=True, slots=True)
class FlagsCommand:
    """Set the causes of delay a planner recorded for one workload (catalog.FLAGS)."""

    code: str
    new: tuple[str, ...]
    old: tuple[str, ...]

    @classmethod
    def make(cls, plan: Plan, code: str, flags) -> "FlagsCommand":
        if code not in BY_CODE:
            raise catalog.ScheduleError(Msg("schedule", "標準化対象業務「{code}」はありません。", code=code))
        old = tuple(catalog.workload_flags(plan).get(code, []))
        return cls(code, catalog.validate_flags(flags), old)

    @property
    def text(self) -> str:
        return Msg("schedule", "遅延要因を変更：{workload}", workload=workload_label(self.code))

    def apply(self, plan: Plan) -> None:
        catalog.set_workload_flags(plan, self.code, self.new)

    def inverse(self) -> "FlagsCommand":
        return FlagsCommand(self.code, self.old, self.new)


@dataclass(frozen=True, slots=True)
class ProgressCommand:
    """Set several steps' states at once (a per-step edit, or a whole progress sheet)."""

    new: tuple[tuple[tuple[str, int], catalog.StepState | None], ...]
    old: tuple[tuple[tuple[str, int], catalog.StepState | None], ...]
    label: str = "進捗を変更"

    @classmethod
    def make(cls, plan: Plan, states: dict, label: str = "進捗を変更") -> "ProgressCommand":
        codes = sorted({c for c, _ in states})
        before = catalog.raw_step_states(plan, codes)
        return cls(tuple(states.items()), tuple((k, before[k]) for k in states), label)

    @property
    def text(self) -> str:
        return self.label

    def apply(self, plan: Plan) -> None:
        catalog.set_step_statuses(plan, dict(self.new))

    def inverse(self) -> "ProgressCommand":
        return ProgressCommand(self.old, self.new, self.label)
