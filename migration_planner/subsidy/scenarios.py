"""Scenarios kept in the plan, the edits on them as commands with inverses, and the comparison.

A command is plain data with ``apply(plan)`` and ``revert(plan)``; each runs in one transaction.
The window wraps them in ``QUndoCommand`` (``ui/subsidy_view.py``); nothing here knows Qt.
Scenario ids are kept across undo: reverting a deletion puts the row back with its old id.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlmodel import Session, select

from migration_planner.i18n import Msg
from migration_planner.models import Scenario
from migration_planner.subsidy.model import FIGURE_LABELS, CostBase, SubsidyResult, evaluate
from migration_planner.subsidy.params import (
    DELAY_SOURCES,
    PARALLEL_RULES,
    PARAM_LABELS,
    RELATED_RULES,
    SHARE_RULES,
    ScenarioParams,
)

BASELINE_NAME = "ベースライン"
RULE_CHOICES = {"parallel_rule": PARALLEL_RULES, "share_rule": SHARE_RULES, "related_rule": RELATED_RULES,
                "delay_source": DELAY_SOURCES}


class ScenarioError(ValueError):
    """A scenario edit cannot be done; ``str(exc)`` is a Japanese message for the planner."""


@dataclass(slots=True)
class ScenarioInfo:
    """A stored scenario as plain data (also the snapshot a command keeps to undo itself)."""

    id: int
    name: str
    is_baseline: bool
    position: int
    params: ScenarioParams

    @classmethod
    def from_row(cls, row: Scenario) -> "ScenarioInfo":
        return cls(row.id, row.name, row.is_baseline, row.position, ScenarioParams.from_json(row.params_json))

    def to_row(self) -> Scenario:
        return Scenario(id=self.id, name=self.name, is_baseline=self.is_baseline,
                        position=self.position, params_json=self.params.dumps())


# ---------------------------------------------------------------- reading
def list_scenarios(plan) -> list[ScenarioInfo]:
    """The plan's scenarios: the baseline first, then in the order they were made."""
    with Session(plan.engine) as s:
        rows = s.exec(select(Scenario)).all()
        out = [ScenarioInfo.from_row(r) for r in rows]
    return sorted(out, key=lambda i: (not i.is_baseline, i.position, i.id))


def get_scenario(plan, name: str) -> ScenarioInfo | None:
    return next((i for i in list_scenarios(plan) if i.name == name), None)


def baseline(plan) -> ScenarioInfo | None:
    return next((i for i in list_scenarios(plan) if i.is_baseline), None)


def ensure_baseline(plan) -> ScenarioInfo:
    """The baseline scenario, created with the defaults of domain.md §5 when the plan has none."""
    found = baseline(plan)
    if found is not None:
        return found
    name = BASELINE_NAME
    names = {i.name for i in list_scenarios(plan)}
    if name in names:
        name = unique_name(name, names)
    with plan.session() as s:
        row = Scenario(name=name, is_baseline=True, position=0, params_json=ScenarioParams().dumps())
        s.add(row)
        s.flush()
        return ScenarioInfo.from_row(row)


def unique_name(wanted: str, taken: set[str]) -> str:
    if wanted not in taken:
        return wanted
    n = 2
    while f"{wanted} ({n})" in taken:
        n += 1
    return f"{wanted} ({n})"


def _check_name(plan, name: str, *, except_id: int | None = None) -> str:
    name = (name or "").strip()
    if not name:
        raise ScenarioError(Msg("subsidy", "シナリオ名を入力してください。"))
    if len(name) > 100:
        raise ScenarioError(Msg("subsidy", "シナリオ名は100文字以内にしてください。"))
    for i in list_scenarios(plan):
        if i.name == name and i.id != except_id:
            raise ScenarioError(Msg("subsidy", "シナリオ「{name}」は既にあります。別の名前にしてください。", name=name))
    return name


def _next_position(plan) -> int:
    return max((i.position for i in list_scenarios(plan)), default=0) + 1


def _row(session: Session, scenario_id: int) -> Scenario:
    row = session.get(Scenario, scenario_id)
    if row is None:
        raise ScenarioError(Msg("subsidy", "シナリオ（id {id}）が見つかりません。", id=scenario_id))
    return row


def _get(plan, scenario_id: int) -> ScenarioInfo:
    with Session(plan.engine) as s:
        return ScenarioInfo.from_row(_row(s, scenario_id))


# ---------------------------------------------------------------- commands
@dataclass
class AddScenario:
    """Add a what-if scenario (also what *duplicate* is). Redo re-adds it with the same id."""

    name: str
    params: ScenarioParams = field(default_factory=ScenarioParams)
    id: int | None = None
    position: int | None = None

    @property
    def text(self) -> str:
        return Msg("subsidy", "シナリオ「{name}」を追加", name=self.name)

    def apply(self, plan) -> ScenarioInfo:
        self.name = _check_name(plan, self.name)
        if self.position is None:
            self.position = _next_position(plan)
        info = ScenarioInfo(self.id, self.name, False, self.position, self.params.normalized())
        with plan.session() as s:
            row = info.to_row()
            s.add(row)
            s.flush()
            self.id = row.id
        return _get(plan, self.id)

    def revert(self, plan) -> None:
        with plan.session() as s:
            row = s.get(Scenario, self.id)
            if row is not None:
                s.delete(row)


def duplicate_command(plan, scenario_id: int, name: str | None = None) -> AddScenario:
    """The command that copies a scenario's assumptions under ``name`` (default 「…のコピー」)."""
    src = _get(plan, scenario_id)
    taken = {i.name for i in list_scenarios(plan)}
    return AddScenario(name=name or unique_name(f"{src.name}のコピー", taken), params=src.params)


@dataclass
class RenameScenario:
    scenario_id: int
    new_name: str
    old_name: str | None = None

    @property
    def text(self) -> str:
        return Msg("subsidy", "シナリオ名を「{name}」に変更", name=self.new_name)

    def apply(self, plan) -> ScenarioInfo:
        self.new_name = _check_name(plan, self.new_name, except_id=self.scenario_id)
        with plan.session() as s:
            row = _row(s, self.scenario_id)
            if self.old_name is None:
                self.old_name = row.name
            row.name = self.new_name
            s.add(row)
        return _get(plan, self.scenario_id)

    def revert(self, plan) -> None:
        with plan.session() as s:
            row = s.get(Scenario, self.scenario_id)
            row.name = self.old_name
            s.add(row)


@dataclass
class DeleteScenario:
    scenario_id: int
    snapshot: ScenarioInfo | None = None

    @property
    def text(self) -> str:
        return Msg("subsidy", "シナリオ「{name}」を削除", name=self.snapshot.name if self.snapshot else self.scenario_id)

    def apply(self, plan) -> None:
        with plan.session() as s:
            row = _row(s, self.scenario_id)
            if row.is_baseline:
                raise ScenarioError(Msg("subsidy", "ベースライン「{name}」は削除できません。", name=row.name))
            self.snapshot = ScenarioInfo.from_row(row)
            s.delete(row)

    def revert(self, plan) -> None:
        with plan.session() as s:
            s.add(self.snapshot.to_row())


@dataclass
class UpdateScenario:
    """Change a scenario's assumptions (any number of them at once)."""

    scenario_id: int
    new_params: ScenarioParams
    old_params: ScenarioParams | None = None
    #: What changed, in Japanese (「補助上限額」): the undo step says 「…を変更」.
    what: str = ""

    @property
    def text(self) -> str:
        if self.what:
            return Msg("subsidy", "シナリオの前提（{what}）を変更", what=self.what)
        return Msg("subsidy", "シナリオの前提を変更")

    def apply(self, plan) -> ScenarioInfo:
        new = self.new_params.normalized()
        with plan.session() as s:
            row = _row(s, self.scenario_id)
            if self.old_params is None:
                self.old_params = ScenarioParams.from_json(row.params_json)
            row.params_json = new.dumps()
            s.add(row)
        return _get(plan, self.scenario_id)

    def revert(self, plan) -> None:
        with plan.session() as s:
            row = s.get(Scenario, self.scenario_id)
            row.params_json = self.old_params.dumps()
            s.add(row)


# ---------------------------------------------------------------- comparison
@dataclass(slots=True)
class ComparisonRow:
    key: str
    label: str
    kind: str                   # "param" (a number the planner set), "amount" (yen) or "rule" (text)
    values: list                # one a scenario, in column order
    diffs: list                 # value − the baseline's value (the baseline's own is 0); for a rule,
                                # True where it differs from the baseline's


@dataclass(slots=True)
class Comparison:
    scenarios: list[str]        # column headers; the baseline first
    baseline: str
    rows: list[ComparisonRow]
    results: list[SubsidyResult]

    def to_json(self) -> dict:
        return {
            "scenarios": self.scenarios,
            "baseline": self.baseline,
            "rows": [{"key": r.key, "label": r.label, "kind": r.kind, "values": r.values, "diffs": r.diffs}
                     for r in self.rows],
        }


#: Parameters the comparison lists as numbers.
COMPARED_PARAMS = ("escalation_pct", "running_multiplier", "delay_months", "related_share_pct", "spread_years")
#: Rules the comparison lists as text (the label of the choice; differences marked).
COMPARED_RULES = ("parallel_rule", "share_rule", "related_rule", "delay_source")


def compare(results: list[SubsidyResult], baseline_name: str | None = None) -> Comparison:
    """Rows (assumptions, then figures) × scenarios, with each value's difference from the baseline."""
    if not results:
        return Comparison([], "", [], [])
    names = [r.scenario for r in results]
    b = names.index(baseline_name) if baseline_name in names else 0
    rows: list[ComparisonRow] = []

    def add(key: str, label: str, kind: str, values: list) -> None:
        base = values[b]
        diffs = [round(v - base, 2) if isinstance(v, float) else v - base for v in values]
        rows.append(ComparisonRow(key, label, kind, values, diffs))

    for key in COMPARED_PARAMS:
        add(key, PARAM_LABELS[key], "param", [getattr(r.params, key) for r in results])
    add("slipping_count", Msg("subsidy", "遅れる業務の数"), "param",
        [sum(1 for w in r.by_workload.values() if w.late_months > 0) for r in results])
    for key in COMPARED_RULES:
        choices = RULE_CHOICES[key]
        values = [getattr(r.params, key) for r in results]
        rows.append(ComparisonRow(key, PARAM_LABELS[key], "rule", [choices.get(v, v) for v in values],
                                  [v != values[b] for v in values]))
    add("related_count", Msg("subsidy", "関連作業とするシステムの数"), "param", [len(r.related) for r in results])
    for key in SubsidyResult.FIGURES:
        add(key, FIGURE_LABELS[key], "amount", [getattr(r, key) for r in results])
    return Comparison(names, names[b], rows, list(results))


def compare_scenarios(plan, *, base: CostBase | None = None, schedule_late=None) -> Comparison:
    """Every scenario of the plan evaluated and compared (the baseline first)."""
    from migration_planner.subsidy.schedule_link import late_months_for

    base = base or CostBase.from_plan(plan)
    infos = list_scenarios(plan) or [ScenarioInfo(0, BASELINE_NAME, True, 0, ScenarioParams())]
    results = []
    for info in infos:
        late, note = late_months_for(plan, info.params, schedule_late=schedule_late)
        results.append(evaluate(base, info.params, late, scenario=info.name, notes=[note] if note else []))
    bl = next((i.name for i in infos if i.is_baseline), infos[0].name)
    return compare(results, bl)
