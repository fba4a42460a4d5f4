"""The assumptions of one subsidy scenario, their defaults, Japanese labels and JSON form.

Labels, rule names and messages are :class:`~migration_planner.i18n.Msg` (equal to the Japanese
text; the window translates them).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields, replace

from migration_planner.i18n import Joined, Msg
from migration_planner.workloads import WORKLOAD_CODES

#: 令和7年度末 (2026-03-31): the law's deadline for the 20 workloads (domain.md §2).
DEADLINE_FY = 2025
#: Defaults from domain.md §5: the cap for Osaka City and what FY2021–22 budgets committed.
DEFAULT_CAP = 1_860_000_000
DEFAULT_COMMITTED = 1_180_000_000
#: Core cities reported 2.3× running cost after moving to Gov-Cloud (up to 5.7×) (domain.md §5).
DEFAULT_MULTIPLIER = 2.3

SHARE_RULES = {"equal": Msg("subsidy", "均等割"), "weight": Msg("subsidy", "重み付け")}
RELATED_RULES = {
    "linked": Msg("subsidy", "連携先（標準化対象システムと連携する対象外システム）"),
    "listed": Msg("subsidy", "指定したシステムのみ"),
    "none": Msg("subsidy", "計上しない"),
}
PARALLEL_RULES = {
    "old": Msg("subsidy", "旧システム（現行の運用経費）"),
    "new": Msg("subsidy", "新環境（現行の運用経費 × 倍率）"),
    "both": Msg("subsidy", "新旧両方（現行 × (1 + 倍率)）"),
}
DELAY_SOURCES = {"schedule": Msg("subsidy", "工程表の遅れ＋シナリオの遅延月数"),
                 "manual": Msg("subsidy", "シナリオの遅延月数のみ")}


def _ids(values) -> list[str]:
    """system_ids as strings, each once, in the order given."""
    return list(dict.fromkeys(str(v) for v in (values or [])))


class ParamError(ValueError):
    """A scenario parameter is out of range; ``str(exc)`` is Japanese, one line a problem (the
    argument is a :class:`~migration_planner.i18n.Joined` of the lines, which the window translates)."""

    def __init__(self, problems) -> None:
        super().__init__(problems if isinstance(problems, str) else Joined(problems, "\n"))


@dataclass(slots=True)
class ScenarioParams:
    """One scenario's assumptions. Money in yen; percentages and months may carry 2 decimals."""

    cap: int = DEFAULT_CAP
    committed: int = DEFAULT_COMMITTED
    escalation_pct: float = 0.0
    running_multiplier: float = DEFAULT_MULTIPLIER
    delay_months: float = 0.0
    #: Workload codes that slip by ``delay_months``; ``None`` = all of them.
    slipping: list[str] | None = None
    delay_source: str = "schedule"
    #: What a late month costs on top of finishing on time: the old system kept alive (default;
    #: the new environment is paid from the deadline either way), the new environment, or both.
    parallel_rule: str = "old"
    share_rule: str = "equal"
    #: Weight of each workload when ``share_rule == "weight"`` (missing = 1).
    share_weights: dict[str, float] = field(default_factory=dict)
    related_rule: str = "linked"
    #: system_ids counted as related work (with "listed"; added to the linked ones with "linked").
    related_systems: list[str] = field(default_factory=list)
    #: system_ids linked to a workload system but not counted as related work (with "linked").
    related_excluded: list[str] = field(default_factory=list)
    related_share_pct: float = 100.0
    related_extra: int = 0
    spread_years: int = 2

    # -------------------------------------------------------------- JSON
    def to_json(self) -> dict:
        return asdict(self)

    def dumps(self) -> str:
        return json.dumps(self.to_json(), ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, data: dict | str | None) -> "ScenarioParams":
        """Parameters from stored JSON; unknown keys are ignored and missing ones take defaults."""
        if isinstance(data, str):
            data = json.loads(data or "{}")
        data = data or {}
        known = {f.name for f in fields(cls)}
        p = cls(**{k: v for k, v in data.items() if k in known})
        return p.normalized()

    def normalized(self) -> "ScenarioParams":
        """A copy with types coerced and values checked (raises :class:`ParamError`)."""
        p = replace(
            self,
            cap=int(self.cap),
            committed=int(self.committed),
            escalation_pct=float(self.escalation_pct),
            running_multiplier=float(self.running_multiplier),
            delay_months=float(self.delay_months),
            slipping=None if self.slipping is None else [c for c in WORKLOAD_CODES if c in set(self.slipping)],
            share_weights={str(k): float(v) for k, v in (self.share_weights or {}).items()},
            related_systems=_ids(self.related_systems),
            related_excluded=_ids(self.related_excluded),
            related_share_pct=float(self.related_share_pct),
            related_extra=int(self.related_extra),
            spread_years=int(self.spread_years),
        )
        problems = []
        if p.cap < 0:
            problems.append(Msg("subsidy", "補助上限額は0円以上にしてください。"))
        if p.committed < 0:
            problems.append(Msg("subsidy", "計上済み額は0円以上にしてください。"))
        if not -100 < p.escalation_pct <= 1000:
            problems.append(Msg("subsidy", "上振れ率は −100 % より大きく 1000 % 以下にしてください。"))
        if not 0 <= p.running_multiplier <= 100:
            problems.append(Msg("subsidy", "運用経費の倍率は0〜100倍にしてください。"))
        if not 0 <= p.delay_months <= 240:
            problems.append(Msg("subsidy", "遅延月数は0〜240か月にしてください。"))
        if p.share_rule not in SHARE_RULES:
            problems.append(Msg("subsidy", "配分ルール「{value}」は使えません（{choices}）。",
                                value=p.share_rule, choices="・".join(SHARE_RULES)))
        if any(w < 0 for w in p.share_weights.values()):
            problems.append(Msg("subsidy", "配分の重みは0以上にしてください。"))
        if p.related_rule not in RELATED_RULES:
            problems.append(Msg("subsidy", "関連作業のルール「{value}」は使えません（{choices}）。",
                                value=p.related_rule, choices="・".join(RELATED_RULES)))
        if not 0 <= p.related_share_pct <= 100:
            problems.append(Msg("subsidy", "関連作業の計上率は0〜100 %にしてください。"))
        if p.related_extra < 0:
            problems.append(Msg("subsidy", "追加の関連作業費は0円以上にしてください。"))
        if not 1 <= p.spread_years <= 10:
            problems.append(Msg("subsidy", "移行経費を配分する年数は1〜10年にしてください。"))
        if p.parallel_rule not in PARALLEL_RULES:
            problems.append(Msg("subsidy", "並行運用の数え方「{value}」は使えません（{choices}）。",
                                value=p.parallel_rule, choices="・".join(PARALLEL_RULES)))
        if p.delay_source not in DELAY_SOURCES:
            problems.append(Msg("subsidy", "遅れの基準「{value}」は使えません（{choices}）。",
                                value=p.delay_source, choices="・".join(DELAY_SOURCES)))
        if problems:
            raise ParamError(problems)
        return p

    def with_(self, **changes) -> "ScenarioParams":
        return replace(self, **changes).normalized()

    def slips(self, code: str) -> bool:
        return self.slipping is None or code in self.slipping


#: Japanese label of every parameter (interface, comparison table, exports).
PARAM_LABELS: dict[str, str] = {
    "cap": Msg("subsidy", "補助上限額（円）"),
    "committed": Msg("subsidy", "計上済み額（令和3〜4年度予算）（円）"),
    "escalation_pct": Msg("subsidy", "移行経費の上振れ率（%）"),
    "running_multiplier": Msg("subsidy", "ガバメントクラウド移行後の運用経費倍率（倍）"),
    "delay_months": Msg("subsidy", "遅延月数（か月）"),
    "slipping": Msg("subsidy", "遅れる業務"),
    "delay_source": Msg("subsidy", "遅れの基準"),
    "parallel_rule": Msg("subsidy", "遅れた月の並行運用で追加になる経費"),
    "share_rule": Msg("subsidy", "システム経費の業務への配分ルール"),
    "share_weights": Msg("subsidy", "配分の重み（業務別）"),
    "related_rule": Msg("subsidy", "関連作業（補助対象外）とするシステム"),
    "related_systems": Msg("subsidy", "関連作業とするシステムID"),
    "related_excluded": Msg("subsidy", "関連作業から除くシステムID（連携先のうち）"),
    "related_share_pct": Msg("subsidy", "関連システム移行経費の計上率（%）"),
    "related_extra": Msg("subsidy", "追加の関連作業費（円）"),
    "spread_years": Msg("subsidy", "移行経費を配分する年数（年）"),
}
