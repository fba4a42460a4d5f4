"""Where each system goes, by the refresh plan's decision order (domain.md §1), and why.

First match wins:

1. ``gov_cloud`` (ガバメントクラウド) — the system carries a standardization workload, or is
   flagged 住民基本系 (``resident_core``).
2. ``saas`` (SaaS) — a SaaS candidate is recorded and its fit is not 不適合. A fit of 未検討
   (or blank, which the contract reads as 未検討) still places it in SaaS, with the caveat
   ``SaaS適合 未検討``.
3. ``common_cloud`` (大阪市共通クラウド) — no cloud blocker is recorded.
4. ``on_premises`` (オンプレミス) — everything else.

Every placement carries a trace: the four steps in order, whether each matched, the inputs it read
and a Japanese sentence a planner can quote (a :class:`~migration_planner.i18n.Msg`, so that the
window can show it in its own language; labels and caveats are ``Msg`` too). Steps after the deciding one are listed as
**未判定** (not evaluated, ``matched is None``): first match wins, so they played no part.

Speed: :func:`place_many` decides with one inline if-chain per record and keeps only the step
number; :class:`Placement` objects (and their trace sentences) are built when asked for. Records
are plain data and are read, never changed; their text is trimmed (the inventory contract
normalises every cell), so a blank candidate or blocker is the empty string.

Overrides: a planner overrules a placement with a reason (:func:`set_override`). The override keeps
the placement inputs it was made against; a re-import that changes them flags it for review (an
import hook registered here). Every change appends to the audit history, which is never edited.
Changes are plain-data commands with inverses (:class:`OverrideCommand`, :class:`SystemEditCommand`)
that the window wraps in ``QUndoCommand``.

Timing: a system migrates in the fiscal year of its next renewal (the cut-over replaces the renewal,
so the current hardware and contract are not renewed) and prepares in the year before it (budget
request, procurement, Fit&Gap). See :func:`migration_window` and :data:`GROUPS`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from sqlmodel import Session, select

from migration_planner.i18n import Msg
from migration_planner.inventory.contract import FIELD_LABELS, RECORD_FIELDS, SystemRecord
from migration_planner.inventory.diff import InventoryDiff, show_value
from migration_planner.models import AuditEntry, Override, System, now
from migration_planner.plan_ops import register_import_hook
from migration_planner.store import Plan, current_user
from migration_planner.values import (
    ValueProblem,
    fiscal_year_of,
    is_blank,
    nfkc,
    parse_amount,
    parse_count,
    parse_fiscal_year,
    parse_flag,
    split_list,
    split_list_keeping,
)
from migration_planner.workloads import parse_workload_token, sort_codes, workload_label

# ---------------------------------------------------------------- destinations
GOV_CLOUD = "gov_cloud"
SAAS = "saas"
COMMON_CLOUD = "common_cloud"
ON_PREMISES = "on_premises"

#: In the decision order: index + 1 is the step that places a system there.
DESTINATIONS: tuple[str, ...] = (GOV_CLOUD, SAAS, COMMON_CLOUD, ON_PREMISES)
DESTINATION_LABELS: dict[str, str] = {
    GOV_CLOUD: Msg("placement", "ガバメントクラウド"),
    SAAS: Msg("placement", "SaaS"),
    COMMON_CLOUD: Msg("placement", "大阪市共通クラウド"),
    ON_PREMISES: Msg("placement", "オンプレミス"),
}
STEP_OF: dict[str, int] = {d: i + 1 for i, d in enumerate(DESTINATIONS)}

#: Shown wherever a SaaS placement rests on a fit nobody has reviewed yet.
CAVEAT_SAAS_UNREVIEWED = Msg("placement", "SaaS適合 未検討")

#: The system fields the decision reads (an override remembers them; changing them flags it).
PLACEMENT_INPUTS: tuple[str, ...] = ("workloads", "resident_core", "saas_candidate", "saas_fit", "cloud_blocker")

_NOT_FIT = "不適合"
_UNREVIEWED = "未検討"
#: The contract's SaaS fits as a trace sentence quotes them (translatable); other text is quoted as is.
_FIT_WORDS = {"適合": Msg("placement", "適合"), _NOT_FIT: Msg("placement", "不適合"),
              _UNREVIEWED: Msg("placement", "未検討")}
_STEP_STATUS = {True: Msg("placement", "該当"), False: Msg("placement", "非該当"), None: Msg("placement", "未判定")}


class PlacementError(ValueError):
    """A placement change that cannot be made; ``str(exc)`` is a Japanese message for the planner."""


class ReasonRequired(PlacementError):
    """An override without a reason."""


def destination_code(value: str) -> str:
    """A destination code from its code or its Japanese label (``"SaaS"``, ``"オンプレミス"``)."""
    text = nfkc(value)
    if text in DESTINATION_LABELS:
        return text
    for code, label in DESTINATION_LABELS.items():
        if text.lower() in (label.lower(), code.replace("_", "-")):
            return code
    shown = "、".join(f"{c}（{label}）" for c, label in DESTINATION_LABELS.items())
    raise PlacementError(f"移行先「{value}」はありません。{shown} のいずれかを指定してください。")


# ---------------------------------------------------------------- inputs and trace
class PlacementInputs(NamedTuple):
    """The values the decision reads, as the plan held them."""

    workloads: tuple[str, ...]
    resident_core: bool
    saas_candidate: str
    saas_fit: str
    cloud_blocker: str

    @classmethod
    def of(cls, record: SystemRecord | System) -> "PlacementInputs":
        return cls(tuple(record.workloads), bool(record.resident_core), record.saas_candidate or "",
                   record.saas_fit or _UNREVIEWED, record.cloud_blocker or "")

    @classmethod
    def from_json(cls, data: dict) -> "PlacementInputs":
        return cls(tuple(data.get("workloads", ())), bool(data.get("resident_core", False)),
                   data.get("saas_candidate", ""), data.get("saas_fit", "") or _UNREVIEWED,
                   data.get("cloud_blocker", ""))

    def to_json(self) -> dict:
        return {"workloads": list(self.workloads), "resident_core": self.resident_core,
                "saas_candidate": self.saas_candidate, "saas_fit": self.saas_fit,
                "cloud_blocker": self.cloud_blocker}

    def changes_from(self, old: "PlacementInputs") -> list[str]:
        """「SaaS適合：未検討 → 適合」 lines for each input that differs from ``old``."""
        lines = []
        for name, before, after in zip(self._fields, old, self):
            if before != after:
                shown_before = list(before) if isinstance(before, tuple) else before
                shown_after = list(after) if isinstance(after, tuple) else after
                lines.append(f"{FIELD_LABELS[name]}：{show_value(shown_before)} → {show_value(shown_after)}")
        return lines


@dataclass(frozen=True, slots=True)
class TraceStep:
    """One step of the decision for one system.

    ``matched`` is True (the step placed the system), False (it was checked and did not apply)
    or None (未判定: an earlier step had already decided).
    """

    step: int
    destination: str
    matched: bool | None
    inputs: dict
    sentence: str

    @property
    def status(self) -> str:
        return _STEP_STATUS[self.matched]

    def to_json(self) -> dict:
        return {"step": self.step, "destination": self.destination, "matched": self.matched,
                "status": self.status, "inputs": self.inputs, "sentence": self.sentence}


# Trace sentences: one Msg each, the step number written into the template (every sentence belongs
# to one step), and those without a value of the system's built once here.
_GOV, _SAAS_L, _COMMON, _ONPREM = (DESTINATION_LABELS[d] for d in DESTINATIONS)
_NOT_EVALUATED = {
    (2, 1): Msg("placement", "ステップ2：未判定（ステップ1で決定）"),
    (3, 1): Msg("placement", "ステップ3：未判定（ステップ1で決定）"),
    (4, 1): Msg("placement", "ステップ4：未判定（ステップ1で決定）"),
    (3, 2): Msg("placement", "ステップ3：未判定（ステップ2で決定）"),
    (4, 2): Msg("placement", "ステップ4：未判定（ステップ2で決定）"),
    (4, 3): Msg("placement", "ステップ4：未判定（ステップ3で決定）"),
}
_STEP1_RESIDENT = Msg("placement", "ステップ1：住民基本系のため {destination}", destination=_GOV)
_STEP1_NO = Msg("placement", "ステップ1：標準化対象業務を含まず、住民基本系でもないため 該当せず")
_STEP2_NO_CANDIDATE = Msg("placement", "ステップ2：SaaS候補がないため 該当せず")
_STEP3_YES = Msg("placement", "ステップ3：クラウド化阻害要因がないため {destination}", destination=_COMMON)
_STEP4_NOTHING = Msg("placement", "ステップ4：上記のいずれにも該当しないため {destination}", destination=_ONPREM)


def _step1(inp: PlacementInputs, matched: bool) -> str:
    if not matched:
        return _STEP1_NO
    if not inp.workloads:
        return _STEP1_RESIDENT
    return Msg("placement", "ステップ1：標準化対象業務（{workloads}）を含むため {destination}",
               workloads="、".join(workload_label(c) for c in inp.workloads), destination=_GOV)


def _step2(inp: PlacementInputs, matched: bool) -> str:
    cand, fit = inp.saas_candidate, inp.saas_fit or _UNREVIEWED
    if not cand:
        return _STEP2_NO_CANDIDATE
    fit_word = _FIT_WORDS.get(fit, fit)
    if not matched:
        return Msg("placement", "ステップ2：SaaS候補「{candidate}」はSaaS適合が「{fit}」のため 該当せず",
                   candidate=cand, fit=fit_word)
    if fit == _UNREVIEWED:
        return Msg("placement", "ステップ2：SaaS候補「{candidate}」があり、SaaS適合が「{fit}」のため {destination}（注意：{caveat}）",
                   candidate=cand, fit=fit_word, destination=_SAAS_L, caveat=CAVEAT_SAAS_UNREVIEWED)
    return Msg("placement", "ステップ2：SaaS候補「{candidate}」があり、SaaS適合が「{fit}」のため {destination}",
               candidate=cand, fit=fit_word, destination=_SAAS_L)


def _step3(inp: PlacementInputs, matched: bool) -> str:
    if matched:
        return _STEP3_YES
    return Msg("placement", "ステップ3：クラウド化阻害要因「{blocker}」があるため 該当せず", blocker=inp.cloud_blocker)


def _step4(inp: PlacementInputs, matched: bool) -> str:
    if not inp.cloud_blocker:
        return _STEP4_NOTHING
    return Msg("placement", "ステップ4：クラウド化阻害要因「{blocker}」によりクラウドへ移せないため {destination}",
               blocker=inp.cloud_blocker, destination=_ONPREM)


_SENTENCES = (_step1, _step2, _step3, _step4)


def _trace(inp: PlacementInputs, decided: int) -> tuple[TraceStep, ...]:
    """The four steps for ``inp``, knowing the deciding step (from the fast if-chain)."""
    fit = inp.saas_fit or _UNREVIEWED
    blocker = inp.cloud_blocker
    inputs = (
        {"workloads": list(inp.workloads), "resident_core": inp.resident_core},
        {"saas_candidate": inp.saas_candidate, "saas_fit": fit},
        {"cloud_blocker": blocker},
        {"cloud_blocker": blocker},
    )
    matched = (bool(inp.workloads or inp.resident_core), bool(inp.saas_candidate) and fit != _NOT_FIT,
               not blocker, True)
    steps = []
    for i in range(4):
        step = i + 1
        if step > decided:  # first match wins: the later steps played no part
            steps.append(TraceStep(step, DESTINATIONS[i], None, inputs[i], _NOT_EVALUATED[(step, decided)]))
        else:
            steps.append(TraceStep(step, DESTINATIONS[i], matched[i], inputs[i], _SENTENCES[i](inp, matched[i])))
    return tuple(steps)


class Placement:
    """The automatic placement of one system: destination, deciding step, caveat and trace."""

    __slots__ = ("system_id", "step", "inputs", "_trace")

    def __init__(self, system_id: str, step: int, inputs: PlacementInputs) -> None:
        self.system_id = system_id
        self.step = step
        self.inputs = inputs
        self._trace: tuple[TraceStep, ...] | None = None

    @property
    def destination(self) -> str:
        return DESTINATIONS[self.step - 1]

    @property
    def label(self) -> str:
        return DESTINATION_LABELS[self.destination]

    @property
    def caveat(self) -> str:
        """``SaaS適合 未検討`` when SaaS was chosen on a fit nobody has reviewed, else ''."""
        return CAVEAT_SAAS_UNREVIEWED if self.step == 2 and self.inputs.saas_fit == _UNREVIEWED else ""

    @property
    def trace(self) -> tuple[TraceStep, ...]:
        """All four steps in order (built on first use)."""
        if self._trace is None:
            self._trace = _trace(self.inputs, self.step)
        return self._trace

    @property
    def reasons(self) -> list[str]:
        """The sentences of the steps that were evaluated; the last one decided."""
        return [t.sentence for t in self.trace if t.matched is not None]

    @property
    def sentence(self) -> str:
        """The deciding step's sentence."""
        return self.trace[self.step - 1].sentence

    def to_json(self) -> dict:
        return {"system_id": self.system_id, "destination": self.destination, "step": self.step,
                "caveat": self.caveat, "reasons": self.reasons, "trace": [t.to_json() for t in self.trace]}

    def __repr__(self) -> str:
        return f"Placement({self.system_id!r}, {self.destination}, step={self.step})"


def decide_steps(records: Iterable[SystemRecord | System]) -> list[int]:
    """The deciding step (1–4) of each record: the decision order as one if-chain, nothing else."""
    out: list[int] = []
    append = out.append
    for r in records:
        if r.workloads or r.resident_core:
            append(1)
        elif r.saas_candidate and r.saas_fit != _NOT_FIT:
            append(2)
        elif not r.cloud_blocker:
            append(3)
        else:
            append(4)
    return out


class Placements(Sequence):
    """The placements of many records: steps decided at once, :class:`Placement` objects on access."""

    __slots__ = ("records", "steps")

    def __init__(self, records: Sequence[SystemRecord | System], steps: list[int]) -> None:
        self.records = records
        self.steps = steps

    def __len__(self) -> int:
        return len(self.steps)

    def __getitem__(self, i):  # type: ignore[override]
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        r = self.records[i]
        return Placement(r.system_id, self.steps[i], PlacementInputs.of(r))

    def __iter__(self) -> Iterator[Placement]:
        for r, step in zip(self.records, self.steps):
            yield Placement(r.system_id, step, PlacementInputs.of(r))

    def destinations(self) -> list[str]:
        d = DESTINATIONS
        return [d[s - 1] for s in self.steps]

    def counts(self) -> dict[str, int]:
        """How many systems each destination gets, in the decision order."""
        n = [0, 0, 0, 0]
        for s in self.steps:
            n[s - 1] += 1
        return dict(zip(DESTINATIONS, n))


def place_many(records: Sequence[SystemRecord | System]) -> Placements:
    """Place many records (the fast path)."""
    records = records if isinstance(records, (list, tuple)) else list(records)
    return Placements(records, decide_steps(records))


def place(record: SystemRecord | System) -> Placement:
    """Place one record."""
    return Placement(record.system_id, decide_steps((record,))[0], PlacementInputs.of(record))


# ---------------------------------------------------------------- timing
@dataclass(frozen=True, slots=True)
class MigrationWindow:
    """Preparation in ``prepare_fy`` (budget, procurement, Fit&Gap), cut-over in ``migrate_fy``."""

    prepare_fy: int
    migrate_fy: int

    def label(self) -> str:
        return Msg("placement", "準備 {prepare}・移行 {migrate}",
                   prepare=fy_label(self.prepare_fy), migrate=fy_label(self.migrate_fy))


def fy_label(fy: int) -> str:
    """``2026年度（令和8年度）``."""
    if fy >= 2019:
        return Msg("placement", "{fy}年度（令和{era}年度）", fy=fy, era=fy - 2018)
    return Msg("placement", "{fy}年度（平成{era}年度）", fy=fy, era=fy - 1988)


def migration_window(next_renewal_fy: int | None) -> MigrationWindow | None:
    """Migrate in the renewal year, prepare the year before; None without a renewal year."""
    if next_renewal_fy is None:
        return None
    return MigrationWindow(next_renewal_fy - 1, next_renewal_fy)


def renewal_soon(next_renewal_fy: int | None, as_of: dt.date | None = None, years: int = 2) -> bool:
    """The renewal falls in the as-of fiscal year or the ``years - 1`` after it (2026-11-21 → FY2026, FY2027)."""
    if next_renewal_fy is None:
        return False
    first = fiscal_year_of(as_of or dt.date.today())
    return first <= next_renewal_fy < first + years


#: The groups the city reviews first (seed 002): key → (label, predicate(item, as_of)).
#: ``item`` is anything with ``budget_request``, ``next_renewal_fy`` and ``scale``.
GROUPS: dict[str, tuple[str, object]] = {
    "budget_request": ("予算要求あり", lambda item, as_of: bool(item.budget_request)),
    "renewal_soon": ("2年度以内に更新", lambda item, as_of: renewal_soon(item.next_renewal_fy, as_of)),
    "large_scale": ("規模 大", lambda item, as_of: item.scale == "大"),
}


def in_group(item, group: str, *, as_of: dt.date | None = None) -> bool:
    try:
        predicate = GROUPS[group][1]
    except KeyError:
        raise PlacementError(f"グループ「{group}」はありません（{'、'.join(GROUPS)}）。") from None
    return predicate(item, as_of)  # type: ignore[operator]


# ---------------------------------------------------------------- overrides: state
@dataclass(frozen=True, slots=True)
class OverrideState:
    """One system's override as plain data (what undo restores)."""

    destination: str
    reason: str
    user: str
    at: dt.datetime
    inputs: dict
    needs_review: bool = False

    @classmethod
    def of(cls, row: Override) -> "OverrideState":
        return cls(row.destination, row.reason, row.user, row.created_at, json.loads(row.inputs_json or "{}"),
                   bool(row.needs_review))

    def to_json(self) -> dict:
        return {"destination": self.destination, "reason": self.reason, "user": self.user,
                "at": self.at.isoformat() if self.at else None, "inputs": self.inputs,
                "needs_review": self.needs_review}


def _system_row(session: Session, system_id: str) -> System | None:
    return session.exec(
        select(System).where(System.system_id == system_id).execution_options(populate_existing=True)
    ).first()


def _override_row(session: Session, system_id: str) -> Override | None:
    return session.exec(select(Override).where(Override.system_id == system_id)).first()


def _in_force(session: Session, system_id: str) -> tuple[str, str]:
    """(destination in force, automatic destination) of a system; '' for a removed system."""
    row = _system_row(session, system_id)
    auto = place(row).destination if row is not None else ""
    ov = _override_row(session, system_id)
    return (ov.destination if ov else auto), auto


def _write_override(session: Session, system_id: str, state: OverrideState | None) -> None:
    row = _override_row(session, system_id)
    if state is None:
        if row is not None:
            session.delete(row)
        return
    if row is None:
        row = Override(system_id=system_id)
    row.destination, row.reason, row.user = state.destination, state.reason, state.user
    row.created_at = state.at
    row.inputs_json = json.dumps(state.inputs, ensure_ascii=False, sort_keys=True)
    row.needs_review = state.needs_review
    session.add(row)


def _audit(session: Session, action: str, system_id: str, from_value: str, to_value: str, reason: str,
           user: str | None = None, **detail) -> None:
    session.add(AuditEntry(user=user or current_user(), action=action, system_id=system_id,
                           from_value=from_value, to_value=to_value, reason=reason,
                           detail_json=json.dumps(detail, ensure_ascii=False, default=str)))


def overrides(plan: Plan, system_ids: Iterable[str] | None = None) -> dict[str, OverrideState]:
    """Every override in the plan, including those of systems no longer in the inventory; with
    ``system_ids``, those of these systems only (what a view re-reads after editing them)."""
    query = select(Override)
    if system_ids is not None:
        query = query.where(Override.system_id.in_(list(system_ids)))
    with Session(plan.engine) as s:
        return {row.system_id: OverrideState.of(row) for row in s.exec(query)}


# ---------------------------------------------------------------- overrides: commands
@dataclass(slots=True)
class OverrideCommand:
    """Change one system's override from ``before`` to ``after`` (None = no override).

    ``action`` is what the audit calls it: ``override``, ``clear_override`` or ``confirm_override``;
    ``reason`` is the why recorded with it. :meth:`revert` restores ``before`` and records
    ``undo_<action>``; the audit is only ever appended to.
    """

    system_id: str
    before: OverrideState | None
    after: OverrideState | None
    action: str = "override"
    reason: str = ""
    #: Who asked for the change (the audit's who when it is applied); blank = the OS user.
    user: str = ""

    # -- factories: read the current state, validate, build the command (nothing is written)
    @classmethod
    def set(cls, plan: Plan, system_id: str, destination: str, reason: str, *, user: str | None = None
            ) -> "OverrideCommand":
        destination = destination_code(destination)
        why = (reason or "").strip()
        if not why:
            raise ReasonRequired("移行先を変更する理由を入力してください（理由は必須です）。")
        with Session(plan.engine) as s:
            row = _system_row(s, system_id)
            if row is None:
                raise PlacementError(f"システム「{system_id}」はプランにありません。")
            current = _override_row(s, system_id)
            before = OverrideState.of(current) if current else None
            inputs = PlacementInputs.of(row).to_json()
        after = OverrideState(destination, why, user or current_user(), now(), inputs, False)
        return cls(system_id, before, after, "override", why, after.user)

    @classmethod
    def clear(cls, plan: Plan, system_id: str, reason: str = "", *, user: str | None = None) -> "OverrideCommand":
        before = overrides(plan).get(system_id)
        if before is None:
            raise PlacementError(f"システム「{system_id}」には移行先の変更（手動設定）がありません。")
        return cls(system_id, before, None, "clear_override", (reason or "").strip() or "手動設定を解除", user or "")

    @classmethod
    def confirm(cls, plan: Plan, system_id: str, reason: str = "", *, user: str | None = None) -> "OverrideCommand":
        """Keep a flagged override, re-based on the system's current inputs (clears needs_review)."""
        with Session(plan.engine) as s:
            current = _override_row(s, system_id)
            if current is None:
                raise PlacementError(f"システム「{system_id}」には移行先の変更（手動設定）がありません。")
            row = _system_row(s, system_id)
            before = OverrideState.of(current)
            inputs = PlacementInputs.of(row).to_json() if row is not None else before.inputs
        after = dataclasses.replace(before, inputs=inputs, needs_review=False)
        return cls(system_id, before, after, "confirm_override",
                   (reason or "").strip() or "入力の変更を確認し、手動設定を維持", user or "")

    # -- doing and undoing
    @property
    def text(self) -> str:
        """What the Edit menu shows: 「OSK-001 の移行先を SaaS に変更」."""
        if self.action == "clear_override":
            return Msg("placement", "{system} の手動設定を解除", system=self.system_id)
        if self.action == "confirm_override":
            return Msg("placement", "{system} の手動設定を確認", system=self.system_id)
        return Msg("placement", "{system} の移行先を {destination} に変更",
                   system=self.system_id, destination=DESTINATION_LABELS[self.after.destination])

    def apply(self, plan: Plan, *, redo: bool = False, user: str | None = None) -> None:
        self._write(plan, self.after, self.action, self.reason, user, redo=redo)

    def revert(self, plan: Plan, *, user: str | None = None) -> None:
        self._write(plan, self.before, f"undo_{self.action}", f"元に戻す：{self.text}（理由：{self.reason}）", user)

    def _write(self, plan: Plan, state: OverrideState | None, action: str, reason: str, user: str | None,
               **detail) -> None:
        with plan.session() as s:
            was, _auto = _in_force(s, self.system_id)
            _write_override(s, self.system_id, state)
            s.flush()
            to, _auto = _in_force(s, self.system_id)
            who = user or (self.user if action == self.action else "") or None  # an undo is by whoever undoes
            _audit(s, action, self.system_id, was, to, reason, who,
                   override=state.to_json() if state else None, **detail)


def set_override(plan: Plan, system_id: str, destination: str, reason: str, *, user: str | None = None
                 ) -> OverrideCommand:
    """Move ``system_id`` to ``destination`` for ``reason`` (required), audited, in one transaction.

    Returns the applied command (its :meth:`~OverrideCommand.revert` undoes it).
    Raises :class:`ReasonRequired` for a blank reason, :class:`PlacementError` for an unknown
    system or destination.
    """
    cmd = OverrideCommand.set(plan, system_id, destination, reason, user=user)
    cmd.apply(plan)
    return cmd


def clear_override(plan: Plan, system_id: str, reason: str = "", *, user: str | None = None) -> OverrideCommand:
    """Return ``system_id`` to its automatic placement, audited. Returns the applied command."""
    cmd = OverrideCommand.clear(plan, system_id, reason, user=user)
    cmd.apply(plan)
    return cmd


def confirm_override(plan: Plan, system_id: str, reason: str = "", *, user: str | None = None) -> OverrideCommand:
    """Clear the review flag of an override, keeping it against the current inputs. Audited."""
    cmd = OverrideCommand.confirm(plan, system_id, reason, user=user)
    cmd.apply(plan)
    return cmd


# ---------------------------------------------------------------- stale overrides
def _flag(session: Session, row: Override, reason: str, **detail) -> None:
    if row.needs_review:
        return  # already waiting for a planner: one audit line per flag, not one per import
    row.needs_review = True
    session.add(row)
    _audit(session, "review_flag", row.system_id, row.destination, row.destination, reason, **detail)


def _flag_if_stale(session: Session, row: Override, system: System, why: str) -> bool:
    """Flag ``row`` when the system's placement inputs differ from those it was made against."""
    old = PlacementInputs.from_json(json.loads(row.inputs_json or "{}"))
    changes = PlacementInputs.of(system).changes_from(old)
    if changes and not row.needs_review:
        _flag(session, row, f"{why}：" + "、".join(changes), changes=changes)
        return True
    return False


def flag_stale_overrides(session: Session, diff: InventoryDiff) -> None:
    """Import hook: flag overrides whose inputs a re-import changed, and those of removed systems."""
    touched = {c.system_id for c in diff.changed} | {r.system_id for r in diff.added}
    removed = {r.system_id for r in diff.removed}
    if not (touched or removed):
        return
    for row in session.exec(select(Override)).all():
        if row.system_id in removed:
            _flag(session, row, "再取込でシステムが一覧からなくなりました（手動設定は残しています）", removed=True)
        elif row.system_id in touched:
            system = _system_row(session, row.system_id)
            if system is not None:
                _flag_if_stale(session, row, system, "再取込で判定の入力が変わりました")


register_import_hook(flag_stale_overrides)


# ---------------------------------------------------------------- editing a system
EDITABLE_FIELDS: tuple[str, ...] = tuple(f for f in RECORD_FIELDS if f not in ("system_id", "extra"))
_TEXT_FIELDS = {"name", "department", "saas_candidate", "cloud_blocker", "vendor", "notes"}
_REQUIRED = {"name", "department", "tier", "servers"}


@functools.cache
def _parsers() -> dict[str, tuple[object, object]]:
    """Fields read by one of the importer's parsers → (parser, value of a blank cell).

    The importer is imported on first use: the window starts without it."""
    from migration_planner.inventory.loader import _fit, _scale, _tier

    return {
        "tier": (_tier, None),
        "servers": (parse_count, None),
        "resident_core": (parse_flag, False),
        "budget_request": (parse_flag, False),
        "saas_fit": (_fit, _UNREVIEWED),
        "scale": (_scale, ""),
        "next_renewal_fy": (parse_fiscal_year, None),
        "annual_cost": (parse_amount, None),
        "migration_cost": (parse_amount, None),
    }


def normalise_field(name: str, value: object) -> object:
    """``value`` as the plan stores field ``name``; raises :class:`PlacementError` (Japanese) if it is wrong.

    Read by the inventory importer's own parsers (``inventory/loader.py``, ``values.py``), so a value
    is accepted here exactly when the same cell would be accepted by an import, and gives the same
    typed value: ``"R8"`` → 2026, ``"○"`` → True, ``"1,234千円"`` → 1234, ``"子ども・子育て支援"`` → ["19"].
    Typed values (int, bool, lists of items) are taken too.
    """
    label = FIELD_LABELS.get(name, name)
    if isinstance(value, (list, tuple)) and name in ("workloads", "links_to"):
        value = "\n".join(str(v) for v in value)
    try:
        if is_blank(value) and name in _REQUIRED:
            raise ValueProblem("必須の項目が空欄です")
        if name in _TEXT_FIELDS:
            return nfkc(value)
        parsed = _parsers().get(name)
        if parsed is not None:
            parser, default = parsed
            return default if is_blank(value) else parser(value)  # type: ignore[operator]
        if name == "workloads":
            from migration_planner.inventory.loader import _KNOWN_WORKLOAD_NAMES

            codes: list[str] = []
            for token in split_list_keeping(value, _KNOWN_WORKLOAD_NAMES):
                found = parse_workload_token(token)
                if found is None:
                    raise ValueProblem(f"「{token}」は標準化対象業務のコードまたは名称として読めません（例：1、6-a、20-b、住民基本台帳）")
                codes.extend(found)
            return sort_codes(codes)
        if name == "links_to":
            return list(dict.fromkeys(split_list(value)))
    except ValueProblem as exc:
        message = str(exc)  # the importer's words; some already name the field (「系統は …」)
        raise PlacementError(message if message.startswith(label) else f"{label}：{message}") from None
    raise PlacementError(f"項目「{label}」は編集できません。")


def _set_field(row: System, name: str, value: object) -> None:
    if name == "workloads":
        row.workloads_json = json.dumps(value, ensure_ascii=False)
    elif name == "links_to":
        row.links_json = json.dumps(value, ensure_ascii=False)
    else:
        setattr(row, name, value)


@dataclass(slots=True)
class SystemEditCommand:
    """Set one field of one system from ``before`` to ``after``; :meth:`revert` sets it back.

    Editing a placement input of an overridden system flags the override for review, the same rule
    as a re-import (and the revert takes that flag back, since the inputs are as they were).
    """

    system_id: str
    field: str
    before: object
    after: object
    flagged: bool = dataclasses.field(default=False, compare=False)

    @classmethod
    def make(cls, plan: Plan, system_id: str, name: str, value: object) -> "SystemEditCommand":
        """The edit of ``name`` to ``value`` (read as an import reads a cell), checked against the plan.

        Raises :class:`PlacementError` with a Japanese message for a value of the wrong form, a field
        that cannot be edited, an unknown system, or links to systems that are not in the plan.
        """
        if name not in EDITABLE_FIELDS:
            raise PlacementError(f"項目「{FIELD_LABELS.get(name, name)}」は編集できません。")
        after = normalise_field(name, value)
        with Session(plan.engine) as s:
            row = _system_row(s, system_id)
            if row is None:
                raise PlacementError(f"システム「{system_id}」はプランにありません。")
            before = getattr(row, name)
            if name == "links_to" and after:
                known = set(s.exec(select(System.system_id).where(System.system_id.in_(after))).all())
                unknown = [x for x in after if x not in known or x == system_id]
                if unknown:
                    raise PlacementError(f"{FIELD_LABELS[name]}：{'、'.join(unknown)} はプランにないか、自分自身です。")
        return cls(system_id, name, before, after)

    @property
    def changes(self) -> bool:
        """Whether applying it changes anything (an edit to the same value does not)."""
        return self.before != self.after

    @property
    def text(self) -> str:
        return f"{self.system_id} の{FIELD_LABELS.get(self.field, self.field)}を変更"

    def apply(self, plan: Plan, *, redo: bool = False, user: str | None = None) -> None:
        with plan.session() as s:
            self.write(s, self.after, "edit", user, redo=redo)

    def revert(self, plan: Plan, *, user: str | None = None) -> None:
        with plan.session() as s:
            self.write(s, self.before, "undo_edit", user)

    def write(self, s: Session, value: object, action: str, user: str | None, **detail) -> None:
        """Set the field to ``value`` inside ``s`` (one transaction of the caller's), audited."""
        row = _system_row(s, self.system_id)
        if row is None:
            raise PlacementError(f"システム「{self.system_id}」はプランにありません（再取込で削除されました）。")
        old = getattr(row, self.field)
        _set_field(row, self.field, value)
        s.add(row)
        _audit(s, action, self.system_id, show_value(old), show_value(value),
               f"{FIELD_LABELS.get(self.field, self.field)}を編集" if action == "edit" else f"元に戻す：{self.text}",
               user, field=self.field, old=old, new=value, **detail)
        if self.field not in PLACEMENT_INPUTS:
            return
        ov = _override_row(s, self.system_id)
        if ov is None:
            return
        if action == "edit":
            self.flagged = _flag_if_stale(s, ov, row, "システムの編集で判定の入力が変わりました")
        elif self.flagged:
            ov.needs_review = False  # the inputs are back as the override saw them
            s.add(ov)
            self.flagged = False


@dataclass(slots=True)
class SystemEditsCommand:
    """Several field edits of one system as one step (the edit form): one transaction, one undo."""

    system_id: str
    edits: tuple[SystemEditCommand, ...]

    @classmethod
    def make(cls, plan: Plan, system_id: str, values: dict[str, object]) -> "SystemEditsCommand":
        """The edits that change something among ``values`` (field → value as a planner writes it).

        Every value is checked first: :class:`PlacementError` lists every problem (one line each),
        and nothing is made when there is one.
        """
        edits: list[SystemEditCommand] = []
        problems: list[str] = []
        for name, value in values.items():
            try:
                edit = SystemEditCommand.make(plan, system_id, name, value)
            except PlacementError as exc:
                problems.append(str(exc))
                continue
            if edit.changes:
                edits.append(edit)
        if problems:
            raise PlacementError("\n".join(problems))
        return cls(system_id, tuple(edits))

    @property
    def text(self) -> str:
        if len(self.edits) == 1:
            return self.edits[0].text
        names = "・".join(FIELD_LABELS.get(e.field, e.field) for e in self.edits)
        return f"{self.system_id} の{names}を変更"

    def apply(self, plan: Plan, *, redo: bool = False, user: str | None = None) -> None:
        with plan.session() as s:
            for edit in self.edits:
                edit.write(s, edit.after, "edit", user, redo=redo)

    def revert(self, plan: Plan, *, user: str | None = None) -> None:
        with plan.session() as s:
            for edit in reversed(self.edits):
                edit.write(s, edit.before, "undo_edit", user)


# ---------------------------------------------------------------- classify
@dataclass(slots=True)
class Classified:
    """One system's placement as the views and the command line show it."""

    system_id: str
    name: str
    department: str
    tier: str
    servers: int
    annual_cost: int | None
    next_renewal_fy: int | None
    budget_request: bool
    scale: str
    destination: str            # in force: the override's where there is one
    automatic_destination: str
    step: int                   # of the automatic placement
    caveat: str                 # CAVEAT_SAAS_UNREVIEWED while the system is in SaaS on an unreviewed fit
    overridden: bool
    needs_review: bool
    placement: Placement = dataclasses.field(repr=False)
    override: OverrideState | None = None

    @property
    def reasons(self) -> list[str]:
        """The automatic placement's sentences, built when first read (a 100k-system plan keeps none it
        does not show: building them all took most of classify's time and memory)."""
        return self.placement.reasons

    @property
    def label(self) -> str:
        return DESTINATION_LABELS[self.destination]

    @property
    def window(self) -> MigrationWindow | None:
        return migration_window(self.next_renewal_fy)

    def to_json(self) -> dict:
        window = self.window
        return {
            "system_id": self.system_id, "name": self.name, "destination": self.destination,
            "destination_label": self.label, "step": self.step, "reasons": self.reasons,
            "overridden": self.overridden, "automatic_destination": self.automatic_destination,
            "caveat": self.caveat, "needs_review": self.needs_review,
            "override": self.override.to_json() if self.override else None,
            "department": self.department, "tier": self.tier, "servers": self.servers,
            "annual_cost": self.annual_cost, "next_renewal_fy": self.next_renewal_fy,
            "migration_window": {"prepare_fy": window.prepare_fy, "migrate_fy": window.migrate_fy} if window else None,
        }


def classify_records(records: Sequence[SystemRecord | System], overrides: dict[str, OverrideState] | None = None
                     ) -> list[Classified]:
    """Classify records against ``overrides`` (system_id → state) without a plan."""
    overrides = overrides or {}
    out = []
    for r, p in zip(records, place_many(records)):
        ov = overrides.get(r.system_id)
        dest = ov.destination if ov else p.destination
        out.append(Classified(
            r.system_id, r.name, r.department, r.tier, r.servers, r.annual_cost, r.next_renewal_fy,
            bool(r.budget_request), r.scale, dest, p.destination, p.step,
            p.caveat if dest == SAAS else "", ov is not None, bool(ov and ov.needs_review), p, ov,
        ))
    return out


def classify(plan: Plan, ids: Iterable[str] | None = None) -> list[Classified]:
    """Every system of the plan in inventory order, with its placement in force and why.

    With ``ids``, those systems only (in inventory order; an ID the plan does not hold is left
    out), read by ID: a system's placement depends on nothing but its own inputs and override, so
    a view re-classifies just the systems that were edited."""
    if ids is None:
        return classify_records(plan.records(), overrides(plan))
    ids = list(ids)
    return classify_records(plan.records(ids=ids), overrides(plan, ids))


def audit_line(entry: AuditEntry) -> str:
    """One audit entry as a planner reads it: 「2026-11-21 10:02 tanaka 移行先変更 SaaS → オンプレミス（理由：…）」."""
    at = entry.at.strftime("%Y-%m-%d %H:%M") if entry.at else ""
    what = _AUDIT_ACTIONS.get(entry.action, entry.action)
    frm = DESTINATION_LABELS.get(entry.from_value, entry.from_value)
    to = DESTINATION_LABELS.get(entry.to_value, entry.to_value)
    move = Msg("placement", " {before} → {after}", before=frm, after=to) if (frm or to) and frm != to else ""
    why = Msg("placement", "（{reason}）", reason=entry.reason) if entry.reason else ""
    line = Msg("placement", "{at} {user} {action}{move}{reason}", at=at, user=entry.user, action=what, move=move,
               reason=why)
    return line if line == line.strip() else line.strip()


#: What the audit calls each action (audit_line).
_AUDIT_ACTIONS = {
    "override": Msg("placement", "移行先変更"), "clear_override": Msg("placement", "手動設定解除"),
    "confirm_override": Msg("placement", "手動設定確認"), "undo_override": Msg("placement", "元に戻す"),
    "undo_clear_override": Msg("placement", "元に戻す"), "undo_confirm_override": Msg("placement", "元に戻す"),
    "review_flag": Msg("placement", "要確認"), "edit": Msg("placement", "編集"), "undo_edit": Msg("placement", "元に戻す"),
    "import": Msg("placement", "取込"),
}
